/*
 * i18n texts of the visitor chat page (zh-CN default, en): the two text tables, the language this page speaks, and
 * filling the static page's data-text / data-text-{title,placeholder,aria-label} hooks.
 * The language is ?lang=, else the browser's; anything that is not English is Chinese.
 */
const TEXTS = {
  "zh-CN": {
    title: "在线咨询",
    tabChat: "咨询",
    tabFaq: "常见问题",
    tabAbout: "关于我们",
    tabCustom: "更多",
    minimize: "收起",
    connecting: "正在连接客服…",
    reconnecting: "网络连接已断开，正在重新连接…",
    inputPlaceholder: "请输入您要咨询的问题",
    send: "发送",
    sendKey: "发送方式",
    sendKeyEnter: "按 Enter 发送",
    sendKeyCtrlEnter: "按 Ctrl+Enter 发送",
    emoji: "表情",
    emojiSystem: "系统",
    image: "发送图片",
    file: "发送文件",
    rate: "评价",
    transcript: "下载聊天记录",
    leaveMessage: "留言",
    endChat: "结束对话",
    confirmEnd: "再点一次结束对话",
    queued: "正在排队，您是第 {position} 位",
    queuedNoPosition: "正在为您排队，请稍候",
    queueWait: "预计等待约 {minutes} 分钟",
    queueWaitShort: "预计很快就轮到您",
    queueLeave: "不想等待？给我们留言",
    waitingAgent: "正在为您接通客服…",
    serving: "{name} 为您服务",
    ended: "本次对话已结束",
    newChat: "重新咨询",
    leaveMessageTitle: "请留言，我们会尽快联系您",
    fieldName: "姓名",
    fieldPhone: "手机号",
    fieldEmail: "邮箱",
    fieldContent: "留言内容",
    submit: "提交",
    backToChat: "返回",
    leaveMessageDone: "留言已提交，我们会尽快联系您。",
    required: "请填写{field}",
    invalidEmail: "邮箱格式不正确",
    invalidPhone: "手机号格式不正确",
    ratingTitle: "请对本次服务进行评价",
    rating5: "非常满意",
    rating4: "满意",
    rating3: "一般",
    rating2: "不满意",
    rating1: "很不满意",
    ratingComment: "其他意见（选填）",
    ratingSubmit: "提交评价",
    ratingChoose: "请选择一个评价",
    ratingSolvedQuestion: "您的问题是否已解决？（选填）",
    ratingSolvedYes: "已解决",
    ratingSolvedNo: "未解决",
    ratingThanks: "感谢您的评价！",
    cancel: "取消",
    sending: "发送中…",
    failed: "发送失败，点击重试",
    uploading: "正在上传 {name}…",
    uploadHeld: "{name} 将在对话接通后发送",
    uploadNotSent: "{name} 未发送：对话已不在进行中",
    fileTooLarge: "文件过大，最多 {size}",
    messageTooLong: "消息不能超过 {max} 个字",
    networkError: "网络异常，请稍后重试",
    tooManyRequests: "操作太频繁，请稍后再试",
    entryMissing: "咨询入口不存在，请联系网站管理员",
    productTitle: "您正在咨询的商品",
    you: "我",
    agent: "客服",
    system: "系统消息"
  },
  en: {
    title: "Customer service",
    tabChat: "Chat",
    tabFaq: "FAQ",
    tabAbout: "About us",
    tabCustom: "More",
    minimize: "Minimize",
    connecting: "Connecting you to an agent…",
    reconnecting: "Connection lost, reconnecting…",
    inputPlaceholder: "Type your question",
    send: "Send",
    sendKey: "Send with",
    sendKeyEnter: "Enter sends",
    sendKeyCtrlEnter: "Ctrl+Enter sends",
    emoji: "Emoji",
    emojiSystem: "System",
    image: "Send an image",
    file: "Send a file",
    rate: "Rate",
    transcript: "Download transcript",
    leaveMessage: "Leave a message",
    endChat: "End chat",
    confirmEnd: "Tap again to end",
    queued: "You are number {position} in the queue",
    queuedNoPosition: "You are in the queue, please wait",
    queueWait: "Estimated wait: about {minutes} min",
    queueWaitShort: "It will be your turn shortly",
    queueLeave: "Don't want to wait? Leave us a message",
    waitingAgent: "Connecting you to an agent…",
    serving: "{name} is helping you",
    ended: "This conversation has ended",
    newChat: "Start a new chat",
    leaveMessageTitle: "Leave a message and we will get back to you",
    fieldName: "Name",
    fieldPhone: "Phone",
    fieldEmail: "E-mail",
    fieldContent: "Message",
    submit: "Submit",
    backToChat: "Back",
    leaveMessageDone: "Thank you, we will get back to you soon.",
    required: "Please enter {field}",
    invalidEmail: "The e-mail address is not valid",
    invalidPhone: "The phone number is not valid",
    ratingTitle: "How was our service?",
    rating5: "Very satisfied",
    rating4: "Satisfied",
    rating3: "Neutral",
    rating2: "Dissatisfied",
    rating1: "Very dissatisfied",
    ratingComment: "Anything else? (optional)",
    ratingSubmit: "Submit rating",
    ratingChoose: "Please choose a rating",
    ratingSolvedQuestion: "Was your problem solved? (optional)",
    ratingSolvedYes: "Solved",
    ratingSolvedNo: "Not solved",
    ratingThanks: "Thank you for your rating!",
    cancel: "Cancel",
    sending: "Sending…",
    failed: "Not sent, tap to retry",
    uploading: "Uploading {name}…",
    uploadHeld: "{name} will be sent as soon as the chat is connected",
    uploadNotSent: "{name} was not sent: the chat is no longer open",
    fileTooLarge: "The file is too large; the limit is {size}",
    messageTooLong: "Messages are limited to {max} characters",
    networkError: "Network problem, please try again later",
    tooManyRequests: "Too many requests, please try again later",
    entryMissing: "This chat entry does not exist; please tell the site's administrator",
    productTitle: "The product you are asking about",
    you: "Me",
    agent: "Agent",
    system: "System"
  }
};

const query = new URLSearchParams(location.search);

export const lang = /^en\b/i.test(query.get("lang") || navigator.language || "") ? "en" : "zh-CN";

/** The texts in the page's language. */
export const T = TEXTS[lang];

/** Fills {name} placeholders; an unknown one stays as it is. */
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, function (all, name) {
    return values && values[name] != null ? String(values[name]) : all;
  });
}

export function applyTexts(root) {
  Array.prototype.forEach.call(root.querySelectorAll("[data-text]"), function (node) {
    node.textContent = T[node.getAttribute("data-text")] || "";
  });
  ["title", "placeholder", "aria-label"].forEach(function (attribute) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-text-" + attribute + "]"), function (node) {
      node.setAttribute(attribute, T[node.getAttribute("data-text-" + attribute)] || "");
    });
  });
}
