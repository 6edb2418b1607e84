namespace FintechCrypto.Testing;

/// <summary>The <c>result</c> of a Wycheproof test case.</summary>
public enum WycheproofExpectation
{
    /// <summary>The operation must succeed with the expected output.</summary>
    Valid,

    /// <summary>The operation must be rejected.</summary>
    Invalid,

    /// <summary>Either outcome is allowed (a legacy or edge-case input); the decision is logged.</summary>
    Acceptable,
}
