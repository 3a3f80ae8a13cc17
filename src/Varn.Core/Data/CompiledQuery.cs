using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Varn.Core.Data;

/// <summary>
/// A query compiled once per model for the paths every request takes (ADR 0020): EF Core's compiled query skips the
/// per-call parameter extraction and cache lookup, but is tied to the model it first ran with, and one process can
/// hold both databases' models (the test suite does).
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> compiled = new();

    public TQuery For(DbContext db) => compiled.GetOrAdd(db.Model, _ => compile());
}
