// Filters applied to messages while scanning: substring, regular expression or a JSON path
// condition, on the key, the value and/or the headers. A filter is compiled once (errors come
// back as a sentence for the user) and then evaluated on borrowed bytes, so the scan copies
// nothing for messages that do not match.
//
// JSON path conditions: `$` followed by `.name`, `["name"]`, `[index]` or `[*]` steps, then
// optionally an operator (== != < <= > >= and =~ for a regular expression) and a literal
// (number, "string" or 'string', true, false, null). Without an operator the condition holds
// when the path exists. A missing path, or a payload that is not JSON, never matches. On headers
// the document is an object of header name -> value (values parsed as JSON when they are JSON,
// else strings).
#pragma once

#include "browser/messagestore.h"
#include "result.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QRegularExpression>
#include <QString>

#include <memory>

namespace kastle::core {

struct FilterSpec
{
    enum class Kind { None, Substring, Regex, JsonPath };
    enum Target { Key = 1, Value = 2, Headers = 4, All = 7 };
    Kind kind = Kind::None;
    int targets = Value;
    QString text;
    bool caseSensitive = true;

    bool isActive() const { return kind != Kind::None && !text.isEmpty(); }
};

// A parsed JSON path condition.
struct JsonCondition
{
    enum class Op { Exists, Eq, Ne, Lt, Le, Gt, Ge, Matches };
    struct Step
    {
        QString name;   // object member, when index < -1 is not used
        int index = -1; // array element; -1 = member step, -2 = any element ([*])
    };
    QList<Step> steps;
    Op op = Op::Exists;
    QJsonValue literal;
    QRegularExpression regex; // for Op::Matches
    // Member names that must occur literally (as "name") in a payload for it to possibly
    // match; a cheap pre-check before parsing.
    QList<QByteArray> requiredNames;

    bool holds(const QJsonValue &root) const;
};

class MessageFilter
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::MessageFilter)
public:
    // A filter that matches everything.
    MessageFilter();
    static Result<MessageFilter> compile(const FilterSpec &spec);
    static Result<JsonCondition> parseJsonPath(const QString &text);

    bool matchesAll() const { return m_kind == FilterSpec::Kind::None; }
    bool matches(const MessageRef &m) const;

private:
    bool matchBytes(std::string_view bytes) const;
    bool matchHeaders(const MessageRef &m) const;

    FilterSpec::Kind m_kind = FilterSpec::Kind::None;
    int m_targets = FilterSpec::Value;
    bool m_caseSensitive = true;
    QByteArray m_needle; // substring, UTF-8 (lower-cased ASCII when case-insensitive)
    QRegularExpression m_regex;
    std::shared_ptr<const JsonCondition> m_json;
};

} // namespace kastle::core
