namespace FintechCrypto.Testing;

/// <summary>The counts of one test group of a vector file.</summary>
/// <param name="Name">A description of the group: its index or tgId and its parameters.</param>
/// <param name="Passed">Cases whose outcome matched the file.</param>
/// <param name="Failed">Cases whose outcome contradicted the file.</param>
/// <param name="Skipped">Cases not run.</param>
public sealed record VectorGroupResult(string Name, int Passed, int Failed, int Skipped);
