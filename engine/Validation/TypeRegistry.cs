using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// The process-wide store of canonical defined types (§3.3.3 iso-recursive type equality by
/// hash-consing): each distinct recursive type group is interned once, so equal types from
/// different modules are the same <see cref="DefType"/> object with the same id.
/// Thread-safe.
/// </summary>
/// <remarks>
/// Interned types are kept until <see cref="ReleaseAll"/>, which a long-running loop calls (a
/// fuzzing campaign makes millions of types, one module after another) while every unit of work
/// that uses types runs inside a <see cref="Use"/> scope: the release waits until no scope is open
/// and empties the registry. Ids are never handed out twice, so an id from before a release is
/// unknown afterwards (<see cref="Get"/> throws) and never names another type.
/// </remarks>
public static class TypeRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<RecGroupKey, DefType[]> Groups = [];
    private static readonly ReaderWriterLockSlim Users = new(LockRecursionPolicy.SupportsRecursion);
    private static volatile IdTable _byId = new(0, new DefType?[256]);
    private static uint _nextId;

    /// <summary>The published types by id, from <see cref="First"/> on (the ids before it were released).</summary>
    private sealed class IdTable(uint first, DefType?[] slots)
    {
        public readonly uint First = first;
        public readonly DefType?[] Slots = slots;
    }

    // The members of a group under validation on this thread: resolvable by id before they
    // are published (a group is published only once its sub type rules hold).
    [ThreadStatic] private static DefType[]? t_pending;

    /// <summary>Number of ids handed out so far (an upper bound of the number of types interned since the process started).</summary>
    public static uint Count
    {
        get { lock (Gate) return _nextId; }
    }

    /// <summary>
    /// How many held types a long-running loop lets pile up before it calls <see cref="ReleaseAll"/>:
    /// 100,000, some 50 MB.
    /// </summary>
    public const uint ReleaseThreshold = 100_000;

    /// <summary>Number of ids handed out since the last <see cref="ReleaseAll"/> (an upper bound of the types held now).</summary>
    public static uint Held
    {
        get { lock (Gate) return _nextId - _byId.First; }
    }

    /// <summary>
    /// A unit of work that uses interned types (validating, instantiating, running a module, and
    /// reading its results): <see cref="ReleaseAll"/> waits until it is disposed. Scopes may nest.
    /// </summary>
    public static UseScope Use()
    {
        Users.EnterReadLock();
        return new UseScope();
    }

    /// <summary>Ends a <see cref="Use"/> scope.</summary>
    public readonly struct UseScope : IDisposable
    {
        public void Dispose() => Users.ExitReadLock();
    }

    /// <summary>
    /// Empties the registry once no <see cref="Use"/> scope is open (new scopes wait meanwhile).
    /// Only for a caller that knows every user of types in the process runs inside scopes: a type
    /// held outside one becomes unknown.
    /// </summary>
    /// <exception cref="LockRecursionException">The calling thread is inside a <see cref="Use"/> scope.</exception>
    public static void ReleaseAll()
    {
        Users.EnterWriteLock();
        try
        {
            lock (Gate)
            {
                Groups.Clear();
                _byId = new IdTable(_nextId, new DefType?[256]);
            }
        }
        finally
        {
            Users.ExitWriteLock();
        }
    }

    /// <summary>The defined type with canonical id <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No type has that id.</exception>
    public static DefType Get(uint id) =>
        TryGet(id, out var type) ? type : throw new ArgumentOutOfRangeException(nameof(id), id, "no defined type has this id");

    /// <summary>The defined type with canonical id <paramref name="id"/>, if there is one.</summary>
    public static bool TryGet(uint id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DefType? type)
    {
        var table = _byId;
        uint slot = id - table.First;
        if (slot < (uint)table.Slots.Length && table.Slots[slot] is { } found)
        {
            type = found;
            return true;
        }
        if (t_pending is { } pending && id - pending[0].Id < (uint)pending.Length)
        {
            type = pending[id - pending[0].Id];
            return true;
        }
        type = null;
        return false;
    }

    /// <summary>
    /// Interns a function type as its own final recursive group without supertypes, as
    /// <c>(type (func …))</c> would define it. Concrete heap types inside
    /// <paramref name="canonical"/> must already be canonical ids.
    /// </summary>
    public static DefType InternFunc(FuncType canonical) => InternSingle(SubType.Plain(canonical));

    /// <summary>
    /// Interns a canonical sub type as a recursive group of its own (every concrete heap type
    /// inside, supertypes included, a canonical id). The caller is responsible for its validity.
    /// </summary>
    public static DefType InternSingle(SubType canonical)
    {
        var key = RecGroupKey.Of(canonical);
        lock (Gate)
        {
            if (Groups.TryGetValue(key, out var found)) return found[0];
        }
        uint id = Reserve(1);
        var type = new DefType(id, canonical, 0);
        var group = new[] { type };
        DefType? super = canonical.Supers.Count == 1 ? Get(canonical.Supers[0]) : null;
        type.Link(group, super);
        return Publish(key, group)[0];
    }

    /// <summary>The interned group with <paramref name="key"/>, if any.</summary>
    internal static DefType[]? Find(RecGroupKey key)
    {
        lock (Gate) return Groups.TryGetValue(key, out var group) ? group : null;
    }

    /// <summary>Reserves <paramref name="count"/> consecutive fresh ids and returns the first.</summary>
    internal static uint Reserve(int count)
    {
        lock (Gate)
        {
            uint first = _nextId;
            _nextId = checked(_nextId + (uint)count);
            return first;
        }
    }

    /// <summary>
    /// Publishes a validated group under <paramref name="key"/>; when another thread published
    /// an equal group first, returns that one instead (and <paramref name="group"/> is dropped).
    /// </summary>
    internal static DefType[] Publish(RecGroupKey key, DefType[] group)
    {
        lock (Gate)
        {
            if (Groups.TryGetValue(key, out var existing)) return existing;
            var table = _byId;
            if (group[0].Id < table.First)
                throw new InvalidOperationException("a type group reserved before TypeRegistry.ReleaseAll was published after it");
            uint last = group[^1].Id - table.First;
            var slots = table.Slots;
            if (last >= slots.Length)
            {
                slots = new DefType?[Math.Max(slots.Length * 2, (int)last + 1)];
                table.Slots.CopyTo(slots, 0);
            }
            foreach (var t in group) slots[t.Id - table.First] = t;
            if (slots != table.Slots) _byId = new IdTable(table.First, slots);
            Groups.Add(key, group);
            return group;
        }
    }

    /// <summary>Makes <paramref name="group"/> resolvable by id on this thread until disposed.</summary>
    internal static PendingScope BeginPending(DefType[] group)
    {
        var previous = t_pending;
        t_pending = group;
        return new PendingScope(previous);
    }

    /// <summary>Restores the previously pending group of this thread.</summary>
    internal readonly struct PendingScope(DefType[]? previous) : IDisposable
    {
        public void Dispose() => t_pending = previous;
    }
}
