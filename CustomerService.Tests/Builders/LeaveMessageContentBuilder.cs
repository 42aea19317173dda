using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Builders;

/// <summary>
/// A visitor's leave-message form as the visitor API hands it to the engine; override what the test is about:
/// <code>
/// var id = await scenario.Engine.LeaveMessageAsync(visitor, entry, new LeaveMessageContentBuilder().WithoutEmail().Build());
/// </code>
/// </summary>
public sealed class LeaveMessageContentBuilder
{
    private string? _name = "张先生";
    private string? _phone = "13800138000";
    private string? _email = "zhang@example.com";
    private string _content = "鞋子尺码偏小，能换大一码吗？";

    public LeaveMessageContentBuilder WithName(string? name)
    {
        _name = name;
        return this;
    }

    public LeaveMessageContentBuilder WithEmail(string? email)
    {
        _email = email;
        return this;
    }

    public LeaveMessageContentBuilder WithoutEmail() => WithEmail(null);

    public LeaveMessageContentBuilder WithContent(string content)
    {
        _content = content;
        return this;
    }

    public LeaveMessageContent Build() => new(_name, _phone, _email, _content);
}
