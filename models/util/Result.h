#pragma once
// Errors as values (the README's developers' section): storage and interchange return Result<T>; only the
// window layer turns an Error into a message box.
#include <QString>
#include <utility>
#include <variant>

namespace fieldops {

struct Error {
    enum class Kind {
        Invalid,          // bad input: a value out of range, an unknown reference, a bad URL
        DoubleBooking,    // the database refused an overlapping appointment
        StaleVersion,     // optimistic concurrency: the row changed underneath
        NotFound,
        ConnectionLost,   // the server went away; nothing was written
        PermissionDenied, // the server refused the role
        Cancelled,
        Other
    };
    Kind kind = Kind::Other;
    QString message; // one line, for the user
    QString detail;  // driver text etc., for logs

    static Error invalid(QString m) { return {Kind::Invalid, std::move(m), {}}; }
    static Error other(QString m, QString d = {}) { return {Kind::Other, std::move(m), std::move(d)}; }
};

QString errorKindName(Error::Kind kind);

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace fieldops
