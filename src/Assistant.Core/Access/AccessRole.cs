namespace Assistant.Core.Access;

/// <summary>What a token holder may do: deputies and experts ask, moderators also review public comments, admins also run the service.</summary>
public enum AccessRole
{
    Deputy,
    Expert,
    Admin,
    Moderator,
}
