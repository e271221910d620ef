namespace Assistant.Core.Access;

/// <summary>What a token holder may do: deputies and experts ask, admins also run the service.</summary>
public enum AccessRole
{
    Deputy,
    Expert,
    Admin,
}
