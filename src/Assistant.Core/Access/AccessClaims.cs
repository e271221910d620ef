namespace Assistant.Core.Access;

/// <summary>Who a valid token speaks for, and for how long.</summary>
public sealed record AccessClaims(string Name, AccessRole Role, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
