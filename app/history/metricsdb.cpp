// MetricsDb: opening (pragmas, migrations, moving a broken file aside), writing rounds and
// events, and statistics. Tiers and the size bound are in metricstiers.cpp, chart queries in
// metricsquery.cpp.
#include "metricsdb.h"
#include "logging.h"
#include "metricsblock.h"
#include "stores/database.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QUuid>

#include <algorithm>
#include <map>

namespace kastle::core {

namespace {

// Each step takes the schema from version i to i + 1.
const char *const migrationSteps[][6] = {
    // 0 -> 1
    {"CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value NOT NULL)",
     "CREATE TABLE entities (kind INTEGER NOT NULL, name TEXT NOT NULL, slot INTEGER NOT NULL, "
     "PRIMARY KEY (kind, name)) WITHOUT ROWID",
     "CREATE TABLE blocks (id INTEGER PRIMARY KEY, tier INTEGER NOT NULL, kind INTEGER NOT NULL, "
     "shard INTEGER NOT NULL, t INTEGER NOT NULL, data BLOB NOT NULL)",
     "CREATE UNIQUE INDEX blocks_key ON blocks (tier, kind, shard, t)",
     "CREATE TABLE events (id INTEGER PRIMARY KEY, t INTEGER NOT NULL, kind TEXT NOT NULL, "
     "broker INTEGER NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL, "
     "grp TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL, text TEXT NOT NULL)",
     "CREATE INDEX events_t ON events (t)"},
};
static_assert(std::size(migrationSteps) == MetricsDb::SchemaVersion);

// Error code of openFile() for a file SQLite cannot read (not a database, damaged).
constexpr int UnreadableFile = 1;

// Files up to this size get a full PRAGMA quick_check at open; larger ones are checked by use
// (every read and write reports SQLITE_CORRUPT), so opening a large history stays quick.
constexpr qint64 QuickCheckLimit = qint64(64) << 20;

} // namespace

MetricsDb::MetricsDb()
    : m_connectionName(QStringLiteral("kastle-metrics-") +
                       QUuid::createUuid().toString(QUuid::Id128))
{}

MetricsDb::~MetricsDb()
{
    close();
}

QSqlDatabase MetricsDb::db() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlQuery &MetricsDb::prepared(Statement which, const char *sql)
{
    std::unique_ptr<QSqlQuery> &q = m_statements[size_t(which)];
    if (!q) {
        q = std::make_unique<QSqlQuery>(db());
        q->setForwardOnly(true);
        q->prepare(QString::fromLatin1(sql));
    }
    return *q;
}

qint64 MetricsDb::walLimitBytes() const
{
    return std::clamp(m_options.maxBytes / 8, qint64(64) << 10, qint64(4) << 20);
}

void MetricsDb::close()
{
    for (auto &statement : m_statements)
        statement.reset();
    m_open = false;
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase connection = db();
        connection.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Status MetricsDb::open(const QString &path)
{
    return open(path, Options());
}

Status MetricsDb::open(const QString &path, const Options &options)
{
    close();
    const QList<Tier> &tiers = options.tiers;
    bool tiersOk = !tiers.isEmpty() && tiers.size() <= 8 && tiers[0].stepMs == 0;
    for (qsizetype k = 1; tiersOk && k < tiers.size(); ++k) {
        tiersOk = tiers[k].stepMs > 0 && (k == 1 || tiers[k].stepMs % tiers[k - 1].stepMs == 0);
    }
    if (!tiersOk || options.maxBytes <= 0)
        return Error{tr("The history tiers are not valid: each coarser step must be a whole "
                        "multiple of the finer one.")};
    m_options = options;
    m_path = path;
    m_notice.clear();
    m_movedAside.clear();
    m_stats = {};
    QDir().mkpath(QFileInfo(path).absolutePath());

    Status opened = openFile(path);
    // Only a file SQLite cannot read is moved aside; any other failure (a full disk, no
    // permission) leaves the file as it is and is reported.
    if (!opened && opened.error().code == UnreadableFile && QFileInfo::exists(path)) {
        const QString reason = opened.error().message;
        close();
        const Result<QString> moved = Database::moveAside(path);
        if (!moved)
            return Error{tr("The history file %1 cannot be read (%2) and could not be moved "
                            "aside: %3")
                             .arg(path, reason, moved.error().message)};
        m_movedAside = *moved;
        m_notice = tr("The history file %1 could not be read (%2). It was moved to %3 and a new "
                      "history was started.")
                       .arg(path, reason, *moved);
        qCWarning(lcStore).noquote() << m_notice;
        opened = openFile(path);
    }
    if (!opened)
        return opened;
    if (Status s = migrate(); !s) {
        close();
        return s;
    }
    if (Status s = loadState(); !s) {
        close();
        return s;
    }
    m_open = true;
    return Done{};
}

Status MetricsDb::openFile(const QString &path)
{
    QSqlDatabase connection =
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    connection.setDatabaseName(path);
    if (!connection.open())
        return Error{connection.lastError().text()};
    {
        QSqlQuery q(connection);
        // The first real read is where SQLite notices a file that is not a database.
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next())
            return Error{q.lastError().text(), UnreadableFile};
        if (QFileInfo(path).size() <= QuickCheckLimit) {
            if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
                return Error{q.lastError().text(), UnreadableFile};
            if (const QString verdict = q.value(0).toString(); verdict != QLatin1String("ok"))
                return Error{verdict, UnreadableFile};
        }
        // A statement with rows left keeps a read transaction open, and SQLite refuses to
        // change the journal mode inside one: finish before the pragmas.
        q.finish();
    }
    return prepareFile();
}

Status MetricsDb::prepareFile()
{
    QSqlQuery q(db());
    // Only takes effect on a new, empty file: freed pages can then be handed back to the file
    // system, which is what makes the size bound a bound on bytes on disk.
    q.exec(QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL"));
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next() ||
        q.value(0).toString() != QLatin1String("wal"))
        return Error{tr("Could not switch %1 to WAL mode: %2").arg(m_path, q.lastError().text())};
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    if (q.exec(QStringLiteral("PRAGMA page_size")) && q.next())
        m_pageSize = q.value(0).toLongLong();
    const qint64 wal = walLimitBytes();
    q.exec(QStringLiteral("PRAGMA journal_size_limit=%1").arg(wal));
    q.exec(
        QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(std::max<qint64>(16, wal / m_pageSize)));
    q.exec(QStringLiteral("PRAGMA cache_size=-16384")); // KiB
    return Done{};
}

Status MetricsDb::migrate()
{
    QSqlDatabase connection = db();
    QSqlQuery q(connection);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return Error{
            tr("Could not read the schema version of %1: %2").arg(m_path, q.lastError().text())};
    const int version = q.value(0).toInt();
    if (version > SchemaVersion)
        return Error{tr("The history file %1 was written by a newer Kastle (schema version %2; "
                        "this one knows up to %3). It was left untouched.")
                         .arg(m_path)
                         .arg(version)
                         .arg(SchemaVersion)};
    for (int v = version; v < SchemaVersion; ++v) {
        if (!connection.transaction())
            return Error{connection.lastError().text()};
        for (const char *sql : migrationSteps[v]) {
            QSqlQuery step(connection);
            if (sql && !step.exec(QString::fromLatin1(sql))) {
                const QString why = step.lastError().text();
                connection.rollback();
                return Error{tr("Could not migrate %1 from schema version %2: %3")
                                 .arg(m_path)
                                 .arg(v)
                                 .arg(why)};
            }
        }
        QSqlQuery bump(connection);
        bump.exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1));
        if (!connection.commit())
            return Error{connection.lastError().text()};
    }
    return Done{};
}

Status MetricsDb::loadState()
{
    for (auto &names : m_slots)
        names.clear();
    m_slotCount.fill(0);
    const qsizetype tiers = m_options.tiers.size();
    m_watermarks = QList<qint64>(tiers, 0);
    m_lastPrune = QList<qint64>(tiers, 0);
    m_newest = 0;

    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT kind, name, slot FROM entities")))
        return Error{q.lastError().text()};
    while (q.next()) {
        const int kind = q.value(0).toInt();
        if (kind < 0 || kind >= EntityKindCount)
            continue;
        const int slot = q.value(2).toInt();
        m_slots[size_t(kind)].insert(q.value(1).toString(), slot);
        m_slotCount[size_t(kind)] = std::max(m_slotCount[size_t(kind)], slot + 1);
    }
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta")))
        return Error{q.lastError().text()};
    while (q.next()) {
        const QString key = q.value(0).toString();
        const qint64 value = q.value(1).toLongLong();
        if (key == QLatin1String("newest"))
            m_newest = value;
        else if (key.startsWith(QLatin1String("watermark."))) {
            const qsizetype tier = key.mid(10).toInt();
            if (tier > 0 && tier < tiers)
                m_watermarks[tier] = value;
        }
    }
    return Done{};
}

bool MetricsDb::isCorruption(const QSqlError &error) const
{
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), possibly as extended codes.
    const int code = error.nativeErrorCode().toInt();
    return (code & 0xff) == 11 || (code & 0xff) == 26;
}

Status MetricsDb::fail(const QSqlError &error, const QString &what)
{
    if (!isCorruption(error))
        return Error{tr("%1 in the history file %2: %3").arg(what, m_path, error.text())};
    // Keep the broken file for inspection and carry on with a fresh history.
    const QString path = m_path;
    const Options options = m_options;
    const Stats stats = m_stats;
    close();
    const Result<QString> moved = Database::moveAside(path);
    if (!moved)
        return Error{tr("The history file %1 is damaged (%2) and could not be moved aside: %3")
                         .arg(path, error.text(), moved.error().message)};
    const Status reopened = open(path, options);
    m_stats = stats;
    m_movedAside = *moved;
    m_notice = tr("The history file %1 is damaged (%2). It was moved to %3 and a new history "
                  "was started.")
                   .arg(path, error.text(), *moved);
    qCWarning(lcStore).noquote() << m_notice;
    return Error{reopened ? m_notice : reopened.error().message};
}

int MetricsDb::existingSlot(EntityKind kind, const QString &name) const
{
    return m_slots[size_t(kind)].value(name, -1);
}

Result<int> MetricsDb::slotFor(EntityKind kind, const QString &name)
{
    if (const int slot = existingSlot(kind, name); slot >= 0)
        return slot;
    const int slot = m_slotCount[size_t(kind)];
    // A null QString binds as SQL NULL; the cluster's name "" is one (hence coalesce).
    QSqlQuery &q = prepared(
        InsertEntity, "INSERT INTO entities (kind, name, slot) VALUES (?, coalesce(?, ''), ?)");
    q.bindValue(0, int(kind));
    q.bindValue(1, name);
    q.bindValue(2, slot);
    if (!q.exec())
        return fail(q.lastError(), tr("Could not add an entity")).error();
    m_slots[size_t(kind)].insert(name, slot);
    m_slotCount[size_t(kind)] = slot + 1;
    return slot;
}

QList<MetricsDb::Shard> MetricsDb::shards() const
{
    QList<Shard> out;
    for (int kind = 0; kind < EntityKindCount; ++kind) {
        const int count = m_slotCount[size_t(kind)];
        for (int shard = 0; shard * LanesPerBlock < count; ++shard)
            out.append({EntityKind(kind), shard});
    }
    return out;
}

QStringList MetricsDb::entityNames(EntityKind kind) const
{
    QStringList names = m_slots[size_t(kind)].keys();
    names.sort();
    return names;
}

Status MetricsDb::putBlock(int tier, EntityKind kind, int shard, qint64 t, const QByteArray &data)
{
    QSqlQuery &insert =
        prepared(InsertBlock, "INSERT OR IGNORE INTO blocks "
                              "(tier, kind, shard, t, data) VALUES (?, ?, ?, ?, ?)");
    insert.bindValue(0, tier);
    insert.bindValue(1, int(kind));
    insert.bindValue(2, shard);
    insert.bindValue(3, t);
    insert.bindValue(4, data);
    if (!insert.exec())
        return fail(insert.lastError(), tr("Could not write a sample"));
    ++m_stats.rowsWritten;
    if (insert.numRowsAffected() > 0)
        return Done{};

    // A row for this time exists already (two rounds in the same millisecond, or a re-fold):
    // merge, the newer lanes winning.
    QSqlQuery &select = prepared(
        SelectBlock, "SELECT id, data FROM blocks WHERE tier = ? AND kind = ? AND shard = ? "
                     "AND t = ?");
    select.bindValue(0, tier);
    select.bindValue(1, int(kind));
    select.bindValue(2, shard);
    select.bindValue(3, t);
    if (!select.exec() || !select.next())
        return fail(select.lastError(), tr("Could not read a sample"));
    const qint64 id = select.value(0).toLongLong();
    Block merged;
    Block incoming;
    const bool oldOk = decodeBlock(select.value(1).toByteArray(), merged);
    select.finish();
    if (!oldOk)
        merged = {};
    decodeBlock(data, incoming);
    for (int lane = 0; lane < LanesPerBlock; ++lane) {
        if (incoming.has(lane))
            merged.set(lane, incoming.lanes[size_t(lane)]);
    }
    QSqlQuery &update = prepared(UpdateBlock, "UPDATE blocks SET data = ? WHERE id = ?");
    update.bindValue(0, encodeBlock(merged));
    update.bindValue(1, id);
    if (!update.exec())
        return fail(update.lastError(), tr("Could not write a sample"));
    return Done{};
}

Status MetricsDb::writeFrame(const MetricsFrame &frame)
{
    std::map<std::pair<int, int>, Block> blocks; // (kind, shard) -> lanes of this round
    for (const EntitySample &sample : frame.samples) {
        const Result<int> slot = slotFor(sample.kind, sample.name);
        if (!slot)
            return slot.error();
        Block &block = blocks[{int(sample.kind), *slot / LanesPerBlock}];
        block.set(*slot % LanesPerBlock, LaneValues(sample.values.begin(), sample.values.end()));
    }
    for (const auto &[key, block] : blocks) {
        if (Status s =
                putBlock(0, EntityKind(key.first), key.second, frame.timeMs, encodeBlock(block));
            !s)
            return s;
    }
    m_newest = std::max(m_newest, frame.timeMs);
    ++m_stats.framesWritten;
    return Done{};
}

Status MetricsDb::writeEvents(const QList<Event> &events)
{
    QSqlQuery &q =
        prepared(InsertEvent, "INSERT INTO events (t, kind, broker, topic, partition, grp, before, "
                              "after, text) VALUES (?, ?, ?, coalesce(?, ''), ?, coalesce(?, ''), "
                              "coalesce(?, ''), coalesce(?, ''), coalesce(?, ''))");
    for (const Event &e : events) {
        q.bindValue(0, qint64(e.timeMs));
        q.bindValue(1, Event::kindKey(e.kind));
        q.bindValue(2, e.broker);
        q.bindValue(3, e.topic);
        q.bindValue(4, e.partition);
        q.bindValue(5, e.group);
        q.bindValue(6, e.before);
        q.bindValue(7, e.after);
        q.bindValue(8, e.text);
        if (!q.exec())
            return fail(q.lastError(), tr("Could not write an event"));
        ++m_stats.eventsWritten;
    }
    return Done{};
}

Status MetricsDb::setMeta(const QString &key, qint64 value)
{
    QSqlQuery &q = prepared(SetMeta, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    q.bindValue(0, key);
    q.bindValue(1, value);
    if (!q.exec())
        return fail(q.lastError(), tr("Could not write the history state"));
    return Done{};
}

Status MetricsDb::write(const QList<MetricsFrame> &frames, const QList<Event> &events)
{
    if (!m_open)
        return Error{tr("The history is not open.")};
    QList<const MetricsFrame *> ordered;
    ordered.reserve(frames.size());
    for (const MetricsFrame &frame : frames)
        ordered.append(&frame);
    std::stable_sort(
        ordered.begin(), ordered.end(),
        [](const MetricsFrame *a, const MetricsFrame *b) { return a->timeMs < b->timeMs; });

    // No QSqlDatabase copy is held across the steps: fail() may replace the connection.
    const qint64 newestBefore = m_newest;
    auto steps = [&]() -> Status {
        if (!db().transaction())
            return fail(db().lastError(), tr("Could not start writing"));
        for (const MetricsFrame *frame : ordered) {
            if (Status s = writeFrame(*frame); !s)
                return s;
        }
        if (Status s = writeEvents(events); !s)
            return s;
        if (m_newest != newestBefore) {
            if (Status s = setMeta(QStringLiteral("newest"), m_newest); !s)
                return s;
        }
        if (Status s = downsample(); !s)
            return s;
        if (Status s = prune(); !s)
            return s;
        return enforceBound();
    };
    Status done = steps();
    if (!m_open)
        return done; // fail() replaced a damaged file; the transaction went with it
    if (!done) {
        db().rollback();
        m_newest = newestBefore;
        const Status reloaded = loadState(); // watermarks and slots as committed
        return reloaded ? done : reloaded;
    }
    if (!db().commit())
        return fail(db().lastError(), tr("Could not commit"));
    ++m_stats.transactions;
    return Done{};
}

Status MetricsDb::checkpoint()
{
    if (!m_open)
        return Error{tr("The history is not open.")};
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        return fail(q.lastError(), tr("Could not checkpoint"));
    return Done{};
}

MetricsDb::Stats MetricsDb::stats()
{
    Stats out = m_stats;
    if (!m_open)
        return out;
    if (const Result<qint64> used = usedBytes())
        out.usedBytes = *used;
    out.fileBytes = QFileInfo(m_path).size();
    out.walBytes = QFileInfo(m_path + QStringLiteral("-wal")).size();
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT tier, count(*) FROM blocks GROUP BY tier"))) {
        while (q.next()) {
            const int tier = q.value(0).toInt();
            if (tier >= 0 && size_t(tier) < out.rowsPerTier.size())
                out.rowsPerTier[size_t(tier)] = q.value(1).toLongLong();
        }
    }
    for (qsizetype tier = 0; tier < m_options.tiers.size(); ++tier) {
        if (const Result<qint64> oldest = oldestTime(int(tier)))
            out.oldestPerTier[size_t(tier)] = *oldest;
    }
    return out;
}

} // namespace kastle::core
