namespace CustomerService.Data;

/// <summary>How far a background job that follows a stream of rows has got, so a restart resumes instead of redoing or skipping.</summary>
public class JobCheckpoint
{
    private JobCheckpoint()
    {
        Name = string.Empty;
    }

    public JobCheckpoint(string name, DateTime reachedAt)
    {
        Name = name;
        ReachedAt = reachedAt;
    }

    public string Name { get; private set; }
    public DateTime ReachedAt { get; private set; }

    public void Reach(DateTime at) => ReachedAt = at;
}
