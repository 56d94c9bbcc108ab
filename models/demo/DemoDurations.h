#pragma once
// How long a demo visit really takes against its work order's estimate, so the history
// has something for the duration model (scheduling::DurationModel) to learn: the kind of
// work (a corrective job's diagnosis runs over, an inspection finishes early), the
// equipment (some models are slower to open up and test than others) and the technician
// (the better ones work faster). Deterministic: the random part stays with the caller.
#include "demo/DemoDataSet.h"

namespace fieldops::demo {

// The factor on the estimate before the visit's own chance (about 0.7 to 1.25).
double visitPace(const WorkOrderRow &workOrder, const DemoDataSet &data, const TechnicianRow &technician);

// An equipment model's own factor, 0.90 to 1.10, fixed by its name.
double modelPace(const QString &model);

} // namespace fieldops::demo
