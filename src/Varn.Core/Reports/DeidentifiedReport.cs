using Varn.Core.Organisation;

namespace Varn.Core.Reports;

/// <summary>
/// The "blankett för avidentifierad information" (DESIGN C7): what happened, where and when — never who. It keeps no
/// trace of the person who filed it beyond their unit, unless they leave a work contact for the coordinator.
/// </summary>
public class DeidentifiedReport
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }

    /// <summary>The day it happened, or the first of the month when only the month is known.</summary>
    public DateOnly OccurredOn { get; set; }
    public bool MonthOnly { get; set; }

    public PlaceType PlaceType { get; set; }
    public List<ReportCategory> Categories { get; set; } = [];
    public ExtremistEnvironment Environment { get; set; }
    public ReportSource Source { get; set; }

    /// <summary>Free text, checked by the personal-data guard before it is stored.</summary>
    public required string Description { get; set; }

    public List<ActionTaken> ActionsTaken { get; set; } = [];

    /// <summary>The reporter's unit, if they chose one; never the reporter.</summary>
    public int? ReporterUnitId { get; set; }
    public Unit? ReporterUnit { get; set; }

    /// <summary>A work contact the reporter chose to leave for the coordinator (staff details, not the person reported on).</summary>
    public string? ReporterContact { get; set; }

    public DateTime SubmittedAt { get; set; }

    public Assessment? Assessment { get; set; }
    public string? AssessmentNote { get; set; }
    public DateTime? AssessedAt { get; set; }
    public string? AssessedBy { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>Demo data made up for the demo: labelled as such wherever it is shown.</summary>
    public bool IsSynthetic { get; set; }

    public int Version { get; set; }

    public int Quarter => (OccurredOn.Month - 1) / 3 + 1;
}

/// <summary>What remains of assessed reports after the retention period: counts per council, year, quarter, category and environment.</summary>
public class ReportCount
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public ReportCategory Category { get; set; }
    public ExtremistEnvironment Environment { get; set; }
    public Assessment Assessment { get; set; }
    public int Count { get; set; }
}
