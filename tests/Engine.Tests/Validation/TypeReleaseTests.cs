using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>
/// Tests that empty the process's type registry: they run alone, after every parallel test of
/// the assembly (a release makes the types other tests hold unknown).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TypeReleaseCollection
{
    public const string Name = "type registry release";
}

/// <summary><see cref="TypeRegistry.ReleaseAll"/>: what a long-running loop calls to keep its memory bounded.</summary>
[Collection(TypeReleaseCollection.Name)]
public sealed class TypeReleaseTests
{
    /// <summary>A function type no other test interns.</summary>
    private static FuncType Distinct() => new(Enumerable.Repeat(ValType.F64, 23).ToArray(), [ValType.I64, ValType.F32]);

    [Fact]
    public void Types_from_before_a_release_are_unknown_and_interning_again_gives_a_new_id()
    {
        var before = TypeRegistry.InternFunc(Distinct());
        Assert.Same(before, TypeRegistry.InternFunc(Distinct()));
        Assert.True(TypeRegistry.Held > 0);

        TypeRegistry.ReleaseAll();

        Assert.Equal(0u, TypeRegistry.Held);
        Assert.False(TypeRegistry.TryGet(before.Id, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => TypeRegistry.Get(before.Id));
        var after = TypeRegistry.InternFunc(Distinct());
        Assert.True(after.Id > before.Id, $"id {after.Id} after the release, {before.Id} before");
        Assert.Same(after, TypeRegistry.Get(after.Id));
    }

    [Fact]
    public void A_release_waits_for_the_open_use_scopes()
    {
        var type = TypeRegistry.InternFunc(Distinct());
        using var released = new ManualResetEventSlim();
        var release = new Thread(() =>
        {
            TypeRegistry.ReleaseAll();
            released.Set();
        });
        using (TypeRegistry.Use())
        {
            release.Start();
            Assert.False(released.Wait(TimeSpan.FromMilliseconds(300)), "the release went on while a scope was open");
            Assert.Same(type, TypeRegistry.Get(type.Id));
        }
        Assert.True(released.Wait(TimeSpan.FromSeconds(30)), "the release did not go on once the scope was closed");
        Assert.False(TypeRegistry.TryGet(type.Id, out _));
    }

    [Fact]
    public void A_module_validated_after_a_release_instantiates_and_runs()
    {
        TypeRegistry.ReleaseAll();
        // (func (export "f") (param f64 …) (result i64 f32) …) whose type was interned and released before.
        var module = Execution.Wasm.Module([Distinct()], [("f", 0, [], [Execution.Wasm.I64(7), new F32ConstInstruction(0)])]);
        var instance = Execution.Wasm.Instantiate(module);
        var results = instance.Invoke("f", [.. Enumerable.Repeat(Embedding.Value.F64(1), 23)]);
        Assert.Equal(Embedding.Value.I64(7), results[0]);
    }
}
