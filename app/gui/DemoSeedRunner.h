#pragma once
// `fieldops --demo`: creates the schema and fills the database with the demo operation
// when it holds no work orders yet. The seeding runs in a pool thread with its own
// connection; a progress dialog shows its stages and can cancel (the seed is one
// transaction, so a cancel leaves nothing half-written).
#include "demo/DemoSeeder.h"
#include "storage/DatabaseUrl.h"
#include "util/Result.h"

class QWidget;

namespace fieldops::gui {

struct DemoSeedOutcome {
    bool seeded = false; // false: the database already had data, nothing was done
    DemoSummary summary;
};

// Blocks in a local event loop while the progress dialog is up; call before the main
// window takes input. Error::Kind::Cancelled when the user cancelled.
Result<DemoSeedOutcome> seedDemoIfEmpty(const DatabaseUrl &url, const DemoOptions &options, QWidget *parent = nullptr);

} // namespace fieldops::gui
