#include "engine/ml/AlgorithmCatalog.h"

namespace lathe::ml {

// Filled in as the family's algorithms land.
void registerUnsupervisedModels() {}

}  // namespace lathe::ml
