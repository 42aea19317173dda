using CustomerService.Domain.Common;

namespace CustomerService.Domain.Conversations;

/// <summary>常见问题: a question and its answer on the visitor window's FAQ tab (SPEC E2, K “web chat window”).</summary>
public class FaqItem
{
    public const int QuestionMaxLength = 100;
    public const int AnswerMaxLength = 1000;
    public const int MaxItems = 30;

    private FaqItem()
    {
        Question = Answer = string.Empty;
    }

    public FaqItem(string question, string answer, int sortOrder)
    {
        Question = Answer = string.Empty;
        Change(question, answer);
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }
    public string Question { get; private set; }
    public string Answer { get; private set; }
    public int SortOrder { get; private set; }

    public static RuleViolation? Check(string? question, string? answer) =>
        string.IsNullOrWhiteSpace(question) ? new RuleViolation("Required", "Faq.Question")
        : question.Trim().Length > QuestionMaxLength ? new RuleViolation("TooLong", "Faq.Question", QuestionMaxLength)
        : string.IsNullOrWhiteSpace(answer) ? new RuleViolation("Required", "Faq.Answer")
        : answer.Trim().Length > AnswerMaxLength ? new RuleViolation("TooLong", "Faq.Answer", AnswerMaxLength)
        : null;

    public void Change(string question, string answer)
    {
        RuleViolationException.ThrowIf(Check(question, answer));
        Question = question.Trim();
        Answer = answer.Trim();
    }
}
