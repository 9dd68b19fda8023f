// Errors as values: every model operation returns Result<T>, either a value or an Error that
// names the field and the rule that was broken, so callers can show it where it belongs.
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Kontor {

enum class ErrorKind {
    Validation, // the input breaks a rule; nothing was written
    NotFound, // the record named does not exist
    Conflict, // the record exists but is in a state that forbids the operation
    Integrity, // the ledger itself is inconsistent (tampering, corruption)
    Io, // the file or database could not be read or written
    Usage, // the caller used the API wrongly (e.g. wrong kind of document)
};

struct Error
{
    ErrorKind kind = ErrorKind::Validation;
    QString field; // e.g. "lines[2].quantity"; empty when the error is not about one field
    QString rule; // short machine-readable rule name, e.g. "negative-quantity"
    QString message; // a sentence a person can read

    QString toString() const
    {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
    static QString kindName(ErrorKind k);
};

inline Error validationError(QString field, QString rule, QString message)
{
    return Error {ErrorKind::Validation, std::move(field), std::move(rule), std::move(message)};
}

template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) { }
    Result(Error error) : m_data(std::move(error)) { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    // By value: `for (auto &x : f().value())` must not dangle on the temporary Result.
    T value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) { }
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace Kontor

// Propagates an error from a Result-returning expression.
#define KONTOR_TRY(expr)                                                                           \
    do {                                                                                           \
        auto &&kontorTryResult_ = (expr);                                                          \
        if (!kontorTryResult_.ok())                                                                \
            return kontorTryResult_.error();                                                       \
    } while (false)
