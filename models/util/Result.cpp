#include "util/Result.h"

namespace fieldops {

QString errorKindName(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::Invalid: return QStringLiteral("invalid");
    case Error::Kind::DoubleBooking: return QStringLiteral("double_booking");
    case Error::Kind::StaleVersion: return QStringLiteral("stale_version");
    case Error::Kind::NotFound: return QStringLiteral("not_found");
    case Error::Kind::ConnectionLost: return QStringLiteral("connection_lost");
    case Error::Kind::PermissionDenied: return QStringLiteral("permission_denied");
    case Error::Kind::Cancelled: return QStringLiteral("cancelled");
    case Error::Kind::Other: break;
    }
    return QStringLiteral("other");
}

} // namespace fieldops
