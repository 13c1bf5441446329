namespace FishKit.Keras;

/// <summary>Element types of TensorFlow tensors (the codes of its DataType enum); the import reads <see cref="Float"/> weights and an <see cref="Int64"/> step count.</summary>
public enum TensorDType
{
    /// <summary>DT_INVALID.</summary>
    Invalid = 0,
    /// <summary>DT_FLOAT: float32.</summary>
    Float = 1,
    /// <summary>DT_DOUBLE: float64.</summary>
    Double = 2,
    /// <summary>DT_INT32.</summary>
    Int32 = 3,
    /// <summary>DT_UINT8.</summary>
    UInt8 = 4,
    /// <summary>DT_INT16.</summary>
    Int16 = 5,
    /// <summary>DT_INT8.</summary>
    Int8 = 6,
    /// <summary>DT_STRING.</summary>
    String = 7,
    /// <summary>DT_INT64.</summary>
    Int64 = 9,
    /// <summary>DT_BOOL.</summary>
    Bool = 10,
    /// <summary>DT_BFLOAT16.</summary>
    BFloat16 = 14,
    /// <summary>DT_HALF: float16.</summary>
    Half = 19,
}
