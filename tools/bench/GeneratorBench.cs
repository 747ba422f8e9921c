using WasmConform.Fuzz.Generator;

namespace WasmConform.Bench;

/// <summary>The fuzz generator's throughput: modules generated and encoded per second, on one thread.</summary>
public static class GeneratorBench
{
    public static int Run()
    {
        foreach (var (name, config) in (ReadOnlySpan<(string, GeneratorConfig)>)[("default", GeneratorConfig.Default), ("all features", GeneratorConfig.AllFeatures)])
            Console.WriteLine($"generator ({name}): {GeneratedModules.ModulesPerSecond(config, TimeSpan.FromSeconds(2)):F0} modules/s (generate + encode, one thread)");
        return 0;
    }
}
