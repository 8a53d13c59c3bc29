// The feature-engineering step kinds: encoding, scaling, transforms, binning, outliers, dates,
// text and integration. StepRegistry calls this once (see StepCatalog.h).
#include "engine/wrangle/BinStep.h"
#include "engine/wrangle/ClipOutliersStep.h"
#include "engine/wrangle/ConcatenateStep.h"
#include "engine/wrangle/DatePartsStep.h"
#include "engine/wrangle/JoinDatasetsStep.h"
#include "engine/wrangle/LogTransformStep.h"
#include "engine/wrangle/OneHotEncodeStep.h"
#include "engine/wrangle/OrdinalEncodeStep.h"
#include "engine/wrangle/PowerTransformStep.h"
#include "engine/wrangle/ScaleStep.h"
#include "engine/wrangle/StepCatalog.h"
#include "engine/wrangle/StepRegistry.h"
#include "engine/wrangle/TfidfStep.h"

namespace lathe::wrangle {

void registerFeatureSteps() {
  StepRegistry::add("one_hot", &OneHotEncodeStep::fromParameters);
  StepRegistry::add("ordinal", &OrdinalEncodeStep::fromParameters);
  StepRegistry::add("scale", &ScaleStep::fromParameters);
  StepRegistry::add("log", &LogTransformStep::fromParameters);
  StepRegistry::add("power", &PowerTransformStep::fromParameters);
  StepRegistry::add("bin", &BinStep::fromParameters);
  StepRegistry::add("clip_outliers", &ClipOutliersStep::fromParameters);
  StepRegistry::add("date_parts", &DatePartsStep::fromParameters);
  StepRegistry::add("tfidf", &TfidfStep::fromParameters);
  StepRegistry::add("join", &JoinDatasetsStep::fromParameters);
  StepRegistry::add("concatenate", &ConcatenateStep::fromParameters);
}

}  // namespace lathe::wrangle
