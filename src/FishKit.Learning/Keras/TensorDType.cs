namespace FishKit.Keras;

/// <summary>
/// Element types of TensorFlow tensors, with the codes of its DataType enum (DT_FLOAT = 1, ...); the import reads
/// <see cref="Float"/> weights and an <see cref="Int64"/> step count.
/// </summary>
public enum TensorDType
{
    Invalid = 0, Float = 1, Double = 2, Int32 = 3, UInt8 = 4, Int16 = 5, Int8 = 6, String = 7, Complex64 = 8, Int64 = 9,
    Bool = 10, BFloat16 = 14, Half = 19,
}
