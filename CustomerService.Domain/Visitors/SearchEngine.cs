namespace CustomerService.Domain.Visitors;

/// <summary>Search engines a visitor may arrive from (SPEC E3 来源: 搜索引擎名称 + 搜索关键词).</summary>
public enum SearchEngine
{
    Baidu,
    Google,
    Bing,
    Sogou,

    /// <summary>360搜索 (so.com).</summary>
    Qihoo360,

    /// <summary>神马搜索 (sm.cn, UC's mobile search).</summary>
    Shenma,
    Yahoo,
    Youdao,
}
