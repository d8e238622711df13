namespace DiscScope.Domain.Anatomy;

/// <summary>A vertebra, cranial to caudal. <see cref="L6"/> exists for transitional anatomy (six lumbar vertebrae); S1 is the top of the sacrum.</summary>
public enum VertebraLevel
{
    C1 = 1, C2, C3, C4, C5, C6, C7,
    T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12,
    L1, L2, L3, L4, L5, L6,
    S1,
}
