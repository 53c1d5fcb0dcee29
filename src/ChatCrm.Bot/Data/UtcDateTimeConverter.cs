using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChatCrm.Bot.Data;

/// <summary>Reads stored times back as UTC so comparisons with <see cref="TimeProvider"/> are never off by a zone.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
