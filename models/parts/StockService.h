#pragma once
// The Parts tab's way to the database: the stock as the tab shows it and a transfer,
// each run on the console session's worker thread and answered on the caller's thread
// (dropped when the caller is gone). The transfer is StockRepository::transfer: both
// stock rows and the stock_transfers record in one transaction, or nothing.
#include "parts/StockSnapshot.h"
#include "util/Result.h"

#include <QObject>
#include <functional>

namespace fieldops {
class ConsoleSession;
}

namespace fieldops::parts {

class StockService : public QObject {
    Q_OBJECT
public:
    explicit StockService(ConsoleSession *session, QObject *parent = nullptr);

    template <typename T>
    using Done = std::function<void(Result<T>)>;

    void load(Done<StockSnapshot> done);
    // At the session's "now" (the clock tests pin), as the undo step's moves are.
    void transfer(const TransferRequest &request, Done<TransferDone> done);

private:
    ConsoleSession *m_session;
};

} // namespace fieldops::parts
