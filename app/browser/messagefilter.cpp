// Message filters: compilation of the three kinds and their evaluation on borrowed bytes.
#include "messagefilter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>
#include <functional>

namespace kastle::core {

namespace {

char foldAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool isAscii(const QByteArray &b)
{
    return std::all_of(b.begin(), b.end(), [](char c) { return static_cast<uchar>(c) < 0x80; });
}

QString decode(std::string_view bytes)
{
    return QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

// Parses a payload as JSON; scalars are accepted too (wrapped in an array to please
// QJsonDocument). Returns Undefined for anything that is not JSON.
QJsonValue parseJson(std::string_view bytes)
{
    size_t i = 0;
    while (i < bytes.size() &&
           (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t'))
        ++i;
    if (i == bytes.size())
        return QJsonValue(QJsonValue::Undefined);
    QJsonParseError error;
    if (bytes[i] == '{' || bytes[i] == '[') {
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())), &error);
        if (error.error != QJsonParseError::NoError)
            return QJsonValue(QJsonValue::Undefined);
        return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
    QByteArray wrapped;
    wrapped.reserve(static_cast<qsizetype>(bytes.size()) + 2);
    wrapped.append('[').append(bytes.data(), static_cast<qsizetype>(bytes.size())).append(']');
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return doc.array().at(0);
}

int compareValues(const QJsonValue &a, const QJsonValue &b, bool &comparable)
{
    comparable = true;
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    if (a.isString() && b.isString())
        return a.toString().compare(b.toString());
    comparable = false;
    return 0;
}

bool testOne(const JsonCondition &c, const QJsonValue &v)
{
    if (v.isUndefined())
        return false;
    bool comparable = false;
    switch (c.op) {
    case JsonCondition::Op::Exists:
        return true;
    case JsonCondition::Op::Eq:
        return v == c.literal;
    case JsonCondition::Op::Ne:
        return v != c.literal;
    case JsonCondition::Op::Matches:
        if (v.isString())
            return c.regex.match(v.toString()).hasMatch();
        if (v.isDouble() || v.isBool())
            return c.regex.match(v.toVariant().toString()).hasMatch();
        return false;
    case JsonCondition::Op::Lt:
    case JsonCondition::Op::Le:
    case JsonCondition::Op::Gt:
    case JsonCondition::Op::Ge: {
        const int cmp = compareValues(v, c.literal, comparable);
        if (!comparable)
            return false;
        if (c.op == JsonCondition::Op::Lt)
            return cmp < 0;
        if (c.op == JsonCondition::Op::Le)
            return cmp <= 0;
        if (c.op == JsonCondition::Op::Gt)
            return cmp > 0;
        return cmp >= 0;
    }
    }
    return false;
}

bool walk(const JsonCondition &c, const QJsonValue &v, qsizetype step)
{
    if (step == c.steps.size())
        return testOne(c, v);
    const JsonCondition::Step &s = c.steps[step];
    if (s.index == -1) {
        if (!v.isObject())
            return false;
        const QJsonObject o = v.toObject();
        const auto it = o.constFind(s.name);
        return it != o.constEnd() && walk(c, it.value(), step + 1);
    }
    if (!v.isArray())
        return false;
    const QJsonArray a = v.toArray();
    if (s.index == -2) {
        for (const QJsonValue &e : a)
            if (walk(c, e, step + 1))
                return true;
        return false;
    }
    return s.index < a.size() && walk(c, a.at(s.index), step + 1);
}

// A small cursor over the condition text.
struct Cursor
{
    const QString &text;
    qsizetype pos = 0;
    void skipSpace()
    {
        while (pos < text.size() && text[pos].isSpace())
            ++pos;
    }
    bool atEnd() const { return pos >= text.size(); }
    QChar peek() const { return pos < text.size() ? text[pos] : QChar(); }
    bool take(QLatin1StringView s)
    {
        if (text.mid(pos, s.size()) == s) {
            pos += s.size();
            return true;
        }
        return false;
    }
};

std::optional<QString> quoted(Cursor &c)
{
    const QChar quote = c.peek();
    if (quote != QLatin1Char('"') && quote != QLatin1Char('\''))
        return std::nullopt;
    ++c.pos;
    QString out;
    while (!c.atEnd() && c.peek() != quote) {
        if (c.peek() == QLatin1Char('\\') && c.pos + 1 < c.text.size())
            ++c.pos;
        out.append(c.text[c.pos++]);
    }
    if (c.atEnd())
        return std::nullopt;
    ++c.pos;
    return out;
}

} // namespace

bool JsonCondition::holds(const QJsonValue &root) const
{
    return walk(*this, root, 0);
}

MessageFilter::MessageFilter() = default;

Result<JsonCondition> MessageFilter::parseJsonPath(const QString &text)
{
    JsonCondition cond;
    Cursor c{text};
    c.skipSpace();
    if (!c.take(QLatin1StringView("$")))
        return Error{tr("A JSON path starts with $, for example $.user.id == 42.")};
    while (!c.atEnd()) {
        if (c.peek() == QLatin1Char('.')) {
            ++c.pos;
            const qsizetype start = c.pos;
            while (!c.atEnd() && (c.peek().isLetterOrNumber() || c.peek() == QLatin1Char('_') ||
                                  c.peek() == QLatin1Char('-')))
                ++c.pos;
            if (c.pos == start)
                return Error{tr("Expected a member name after \".\" at position %1.").arg(start)};
            cond.steps.append({text.mid(start, c.pos - start), -1});
        } else if (c.peek() == QLatin1Char('[')) {
            ++c.pos;
            c.skipSpace();
            if (const std::optional<QString> name = quoted(c)) {
                cond.steps.append({*name, -1});
            } else if (c.take(QLatin1StringView("*"))) {
                cond.steps.append({{}, -2});
            } else {
                const qsizetype start = c.pos;
                while (!c.atEnd() && c.peek().isDigit())
                    ++c.pos;
                bool ok = false;
                const int index = text.mid(start, c.pos - start).toInt(&ok);
                if (!ok)
                    return Error{tr("Expected an index, * or a quoted name inside [ ] at "
                                    "position %1.")
                                     .arg(start)};
                cond.steps.append({{}, index});
            }
            c.skipSpace();
            if (!c.take(QLatin1StringView("]")))
                return Error{tr("Missing ] at position %1.").arg(c.pos)};
        } else {
            break;
        }
    }
    c.skipSpace();
    if (c.atEnd()) {
        cond.op = JsonCondition::Op::Exists;
    } else {
        static const std::pair<const char *, JsonCondition::Op> ops[] = {
            {"==", JsonCondition::Op::Eq},      {"!=", JsonCondition::Op::Ne},
            {"<=", JsonCondition::Op::Le},      {">=", JsonCondition::Op::Ge},
            {"=~", JsonCondition::Op::Matches}, {"<", JsonCondition::Op::Lt},
            {">", JsonCondition::Op::Gt}};
        bool found = false;
        for (const auto &[spelling, op] : ops) {
            if (c.take(QLatin1StringView(spelling))) {
                cond.op = op;
                found = true;
                break;
            }
        }
        if (!found)
            return Error{
                tr("Expected an operator (==, !=, <, <=, >, >=, =~) at position %1.").arg(c.pos)};
        c.skipSpace();
        if (const std::optional<QString> s = quoted(c)) {
            cond.literal = *s;
        } else {
            const QString rest = text.mid(c.pos).trimmed();
            c.pos = text.size();
            if (rest == QLatin1String("true"))
                cond.literal = true;
            else if (rest == QLatin1String("false"))
                cond.literal = false;
            else if (rest == QLatin1String("null"))
                cond.literal = QJsonValue(QJsonValue::Null);
            else {
                bool ok = false;
                const double d = rest.toDouble(&ok);
                if (!ok)
                    return Error{tr("\"%1\" is not a number, a quoted string, true, false or "
                                    "null.")
                                     .arg(rest)};
                cond.literal = d;
            }
        }
        c.skipSpace();
        if (!c.atEnd())
            return Error{tr("Unexpected text after the value at position %1.").arg(c.pos)};
        if (cond.op == JsonCondition::Op::Matches) {
            if (!cond.literal.isString())
                return Error{tr("=~ takes a quoted regular expression.")};
            cond.regex = QRegularExpression(cond.literal.toString());
            if (!cond.regex.isValid())
                return Error{
                    tr("The regular expression is not valid: %1.").arg(cond.regex.errorString())};
        }
    }
    for (const JsonCondition::Step &s : std::as_const(cond.steps))
        if (s.index == -1)
            cond.requiredNames.append('"' + s.name.toUtf8() + '"');
    return cond;
}

Result<MessageFilter> MessageFilter::compile(const FilterSpec &spec)
{
    MessageFilter f;
    if (!spec.isActive())
        return f;
    if (spec.targets == 0)
        return Error{tr("Choose at least one of key, value and headers to filter on.")};
    f.m_kind = spec.kind;
    f.m_targets = spec.targets;
    f.m_caseSensitive = spec.caseSensitive;
    switch (spec.kind) {
    case FilterSpec::Kind::None:
        break;
    case FilterSpec::Kind::Substring:
        f.m_needle = spec.text.toUtf8();
        if (!spec.caseSensitive && isAscii(f.m_needle))
            std::transform(f.m_needle.begin(), f.m_needle.end(), f.m_needle.begin(), foldAscii);
        break;
    case FilterSpec::Kind::Regex:
        f.m_regex = QRegularExpression(spec.text, spec.caseSensitive
                                                      ? QRegularExpression::NoPatternOption
                                                      : QRegularExpression::CaseInsensitiveOption);
        if (!f.m_regex.isValid())
            return Error{
                tr("The regular expression is not valid: %1.").arg(f.m_regex.errorString())};
        f.m_regex.optimize();
        break;
    case FilterSpec::Kind::JsonPath: {
        Result<JsonCondition> cond = parseJsonPath(spec.text);
        if (!cond)
            return cond.error();
        f.m_json = std::make_shared<const JsonCondition>(std::move(*cond));
        break;
    }
    }
    return f;
}

bool MessageFilter::matchBytes(std::string_view bytes) const
{
    switch (m_kind) {
    case FilterSpec::Kind::None:
        return true;
    case FilterSpec::Kind::Substring: {
        const size_t n = static_cast<size_t>(m_needle.size());
        if (n == 0)
            return true;
        if (m_caseSensitive)
            return memmem(bytes.data(), bytes.size(), m_needle.constData(), n) != nullptr;
        if (!isAscii(m_needle))
            return decode(bytes).contains(QString::fromUtf8(m_needle), Qt::CaseInsensitive);
        const auto hit = std::search(bytes.begin(), bytes.end(), m_needle.begin(), m_needle.end(),
                                     [](char a, char b) { return foldAscii(a) == b; });
        return hit != bytes.end();
    }
    case FilterSpec::Kind::Regex:
        return m_regex.match(decode(bytes)).hasMatch();
    case FilterSpec::Kind::JsonPath: {
        // Pre-check: every member name on the path must occur literally, unless the payload
        // uses escapes (then a name could be spelled with \u sequences).
        if (!memchr(bytes.data(), '\\', bytes.size())) {
            for (const QByteArray &name : m_json->requiredNames)
                if (!memmem(bytes.data(), bytes.size(), name.constData(),
                            static_cast<size_t>(name.size())))
                    return false;
        }
        return m_json->holds(parseJson(bytes));
    }
    }
    return false;
}

bool MessageFilter::matchHeaders(const MessageRef &m) const
{
    if (m.headerCount == 0)
        return false;
    if (m_kind == FilterSpec::Kind::JsonPath) {
        QJsonObject o;
        for (size_t i = 0; i < m.headerCount; ++i) {
            const HeaderRef &h = m.headers[i];
            QJsonValue v(QJsonValue::Null);
            if (h.value) {
                v = parseJson(*h.value);
                if (v.isUndefined())
                    v = decode(*h.value);
            }
            o.insert(decode(h.name), v);
        }
        return m_json->holds(o);
    }
    for (size_t i = 0; i < m.headerCount; ++i) {
        const HeaderRef &h = m.headers[i];
        if (matchBytes(h.name) || (h.value && matchBytes(*h.value)))
            return true;
    }
    return false;
}

bool MessageFilter::matches(const MessageRef &m) const
{
    if (m_kind == FilterSpec::Kind::None)
        return true;
    if ((m_targets & FilterSpec::Value) && m.value && matchBytes(*m.value))
        return true;
    if ((m_targets & FilterSpec::Key) && m.key && matchBytes(*m.key))
        return true;
    return (m_targets & FilterSpec::Headers) && matchHeaders(m);
}

} // namespace kastle::core
