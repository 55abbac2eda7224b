// Errors as values: every fallible operation of the core returns Result<T>, an error carrying a
// translated human sentence (and a machine-readable code where one exists), or the value.
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace kastle::core {

struct Error
{
    // A full sentence in the user's language that says what happened; shown as-is by the UI.
    QString message;
    // Machine-readable detail: a Kafka/librdkafka error code, a QtKeychain error, 0 if none.
    int code = 0;
};

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() { return std::get<0>(m_data); }
    const T &value() const { return std::get<0>(m_data); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// For operations that return nothing but may fail.
struct Done
{};
using Status = Result<Done>;

} // namespace kastle::core
