using WasmConform.Engine.Validation;
using WasmConform.Fuzz.Campaign;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>
/// Campaigns that empty the process's type registry between cases: they run alone, after every
/// parallel test of the assembly (a release makes the types other tests hold unknown).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TypeReleaseCollection
{
    public const string Name = "type registry release";
}

/// <summary><see cref="CampaignSettings.ReleaseTypesAbove"/>: a campaign that releases types finds what one that keeps them finds.</summary>
[Collection(TypeReleaseCollection.Name)]
public sealed class TypeReleaseCampaignTests
{
    private static CampaignSnapshot Run(uint? releaseAbove, int jobs)
    {
        var settings = new CampaignSettings
        {
            Seed = 77, Generator = CampaignConfig.DefaultGenerator, Cases = 400, Jobs = jobs, ReleaseTypesAbove = releaseAbove,
        };
        var directory = CampaignRun.NewDirectory("release");
        try
        {
            // The interpreter against itself: any difference would come from the release.
            var engines = new[] { CampaignRun.Reference, CampaignRun.Of("again", () => new ReferenceHost(TimeSpan.FromSeconds(30), name: "again")) };
            return CampaignRun.Run(settings, engines, directory).Result;
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Releasing_types_between_cases_changes_no_outcome(int jobs)
    {
        var kept = Run(releaseAbove: null, jobs);
        uint before = TypeRegistry.Count;
        var released = Run(releaseAbove: 20, jobs);
        uint made = TypeRegistry.Count - before;

        Assert.True(TypeRegistry.Held < made, $"no release: {TypeRegistry.Held} types held of {made} made");
        Assert.Equal(0, released.ErrorCount);
        Assert.Empty(released.Divergences);
        Assert.Equal(kept.Cases, released.Cases);
        Assert.Equal(kept.CallOutcomes.OrderBy(p => p.Key), released.CallOutcomes.OrderBy(p => p.Key));
        Assert.Equal(kept.InstantiationOutcomes.OrderBy(p => p.Key), released.InstantiationOutcomes.OrderBy(p => p.Key));
    }
}
