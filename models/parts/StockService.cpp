#include "parts/StockService.h"

#include "parts/StockRepository.h"
#include "session/SessionJob.h"

namespace fieldops::parts {

StockService::StockService(ConsoleSession *session, QObject *parent) : QObject(parent), m_session(session) {}

void StockService::load(Done<StockSnapshot> done)
{
    runSessionJob<StockSnapshot>(m_session, this, [](Database &db) { return readStockSnapshot(db); }, std::move(done));
}

void StockService::transfer(const TransferRequest &request, Done<TransferDone> done)
{
    runSessionJob<TransferDone>(
        m_session, this, [request, at = m_session->now()](Database &db) { return StockRepository(db).transfer(request, at); }, std::move(done));
}

} // namespace fieldops::parts
