// The core step kinds: columns, rows, missing values and splitting (see StepCatalog.h).
#include "engine/wrangle/ChangeTypeStep.h"
#include "engine/wrangle/DerivedColumnStep.h"
#include "engine/wrangle/DropColumnsStep.h"
#include "engine/wrangle/DropDuplicatesStep.h"
#include "engine/wrangle/FillMissingStep.h"
#include "engine/wrangle/FilterRowsStep.h"
#include "engine/wrangle/RenameColumnsStep.h"
#include "engine/wrangle/ReorderColumnsStep.h"
#include "engine/wrangle/SampleRowsStep.h"
#include "engine/wrangle/SelectColumnsStep.h"
#include "engine/wrangle/SplitStep.h"
#include "engine/wrangle/StepCatalog.h"
#include "engine/wrangle/StepRegistry.h"
#include "engine/wrangle/StratifiedSampleStep.h"

namespace lathe::wrangle {

void registerCoreSteps() {
  StepRegistry::add(SelectColumnsStep::kKind, &SelectColumnsStep::fromParameters);
  StepRegistry::add(DropColumnsStep::kKind, &DropColumnsStep::fromParameters);
  StepRegistry::add(RenameColumnsStep::kKind, &RenameColumnsStep::fromParameters);
  StepRegistry::add(ReorderColumnsStep::kKind, &ReorderColumnsStep::fromParameters);
  StepRegistry::add(ChangeTypeStep::kKind, &ChangeTypeStep::fromParameters);
  StepRegistry::add(DerivedColumnStep::kKind, &DerivedColumnStep::fromParameters);
  StepRegistry::add(FilterRowsStep::kKind, &FilterRowsStep::fromParameters);
  StepRegistry::add(DropDuplicatesStep::kKind, &DropDuplicatesStep::fromParameters);
  StepRegistry::add(SampleRowsStep::kKind, &SampleRowsStep::fromParameters);
  StepRegistry::add(StratifiedSampleStep::kKind, &StratifiedSampleStep::fromParameters);
  StepRegistry::add(FillMissingStep::kKind, &FillMissingStep::fromParameters);
  StepRegistry::add(SplitStep::kKind, &SplitStep::fromParameters);
}

}  // namespace lathe::wrangle
