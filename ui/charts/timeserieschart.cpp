// Time-series chart: range queries, batched live points, hover, pause, export.
#include "timeserieschart.h"
#include "history/metricsstore.h"
#include "theme.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QPointer>
#include <QSaveFile>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <map>

namespace kastle::ui {

TimeSeriesChart::TimeSeriesChart(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
{
    setObjectName(QStringLiteral("timeSeriesChart"));
    m_chart = new QChart;
    m_chart->setTitle(title);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    // Axes and series get no QObject parent: addAxis()/addSeries() make the chart own them, and a
    // second (QObject) owner makes the chart's destruction order unsafe.
    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(4); // "HH:mm:ss" labels fit a half-width chart
    m_valueAxis = new QValueAxis;
    m_valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_valueAxis->setRange(0, 1);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    applyTheme();
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);

    m_rangeBox = new QComboBox(this);
    m_rangeBox->setObjectName(QStringLiteral("chartRange"));
    m_rangeBox->addItem(tr("5 minutes"), int(Range::FiveMinutes));
    m_rangeBox->addItem(tr("1 hour"), int(Range::OneHour));
    m_rangeBox->addItem(tr("24 hours"), int(Range::OneDay));
    m_rangeBox->addItem(tr("7 days"), int(Range::SevenDays));
    m_rangeBox->setCurrentIndex(int(m_range));
    connect(m_rangeBox, &QComboBox::activated, this,
            [this](int i) { setRange(Range(m_rangeBox->itemData(i).toInt())); });
    m_pause = new QToolButton(this);
    m_pause->setObjectName(QStringLiteral("chartPause"));
    m_pause->setCheckable(true);
    m_pause->setText(tr("Pause"));
    m_pause->setToolTip(tr("Stop moving the chart (new points are still recorded)"));
    connect(m_pause, &QToolButton::toggled, this, &TimeSeriesChart::setPaused);
    m_more = new QToolButton(this);
    m_more->setText(tr("Export"));
    m_more->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_more);
    menu->addAction(tr("Save as PNG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save chart"), m_title + QStringLiteral(".png"), tr("PNG images (*.png)"));
        if (!path.isEmpty())
            exportPng(path);
    });
    menu->addAction(tr("Save as CSV…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save chart data"), m_title + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    m_more->setMenu(menu);
    m_empty = new QLabel(tr("No history yet"), this);
    m_empty->setObjectName(QStringLiteral("chartEmpty"));
    m_empty->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_empty);
    bar->addStretch();
    bar->addWidget(m_rangeBox);
    bar->addWidget(m_pause);
    bar->addWidget(m_more);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    m_frame.setInterval(100);
    connect(&m_frame, &QTimer::timeout, this, &TimeSeriesChart::flush);
    // A chart without new points (nothing produced, a group that stopped) still shows time
    // passing: the axis moves on by about one pixel in 300, and old points scroll out.
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (!m_paused && !m_frame.isActive())
            flush();
    });
    applyRange();
}

void TimeSeriesChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_clock.start();
}

void TimeSeriesChart::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_clock.stop();
}

qint64 TimeSeriesChart::axisEndMs() const
{
    return m_timeAxis->max().toMSecsSinceEpoch();
}

void TimeSeriesChart::addToSlot(QList<QPointF> &points, const QPointF &point, qint64 slotMs,
                                qint64 &lastSlot)
{
    const qint64 slot = qint64(point.x()) / slotMs;
    if (slot == lastSlot && !points.isEmpty()) {
        points.last() = point; // the latest point of a slot stands for it
    } else {
        points.append(point);
        lastSlot = slot;
    }
}

void TimeSeriesChart::applyTheme()
{
    // Qt Charts paints its own background; follow the application's light or dark theme.
    const QColor base = palette().color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundBrush(base);
    m_chart->setTitleBrush(palette().color(QPalette::Text));
    m_chart->legend()->setLabelColor(palette().color(QPalette::Text));
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

qint64 TimeSeriesChart::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 TimeSeriesChart::rangeMs(Range range)
{
    switch (range) {
    case Range::FiveMinutes:
        return 5 * 60'000;
    case Range::OneHour:
        return 3'600'000;
    case Range::OneDay:
        return 24 * 3'600'000LL;
    case Range::SevenDays:
        return 7 * 24 * 3'600'000LL;
    }
    return 3'600'000;
}

void TimeSeriesChart::setStore(core::MetricsStore *store)
{
    m_store = store;
    reload();
}

int TimeSeriesChart::addLine(const QString &label, core::EntityKind kind, const QString &entity,
                             core::Metric metric, const QString &unit)
{
    Line line;
    line.label = label;
    line.unit = unit;
    line.request.kind = kind;
    line.request.name = entity;
    line.request.metric = metric;
    line.series = new QLineSeries;
    line.series->setName(label);
    m_chart->addSeries(line.series);
    line.series->attachAxis(m_timeAxis);
    line.series->attachAxis(m_valueAxis);
    const int index = int(m_lines.size());
    connect(line.series, &QLineSeries::hovered, this, [this, index](const QPointF &p, bool on) {
        if (size_t(index) < m_lines.size())
            onHover(m_lines[size_t(index)], p, on);
    });
    m_lines.push_back(std::move(line));
    m_chart->legend()->setVisible(m_lines.size() > 1);
    return index;
}

int TimeSeriesChart::addLiveLine(const QString &label, const QString &unit)
{
    const int index =
        addLine(label, core::EntityKind::Cluster, QString(), core::Metric::Messages, unit);
    m_lines[size_t(index)].liveOnly = true;
    return index;
}

void TimeSeriesChart::clearLines()
{
    for (Line &l : m_lines) {
        m_chart->removeSeries(l.series);
        delete l.series;
    }
    m_lines.clear();
    ++m_job;
}

void TimeSeriesChart::setRange(Range range)
{
    m_range = range;
    for (Line &l : m_lines)
        l.liveSlot = -1; // slots of the old range's size mean nothing in the new one
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(range)));
    applyRange();
    reload();
}

void TimeSeriesChart::applyRange()
{
    // Setting the interval restarts a running timer, and every frame comes through here.
    if (const int tick = int(std::max<qint64>(1000, rangeMs(m_range) / 300));
        tick != m_clock.interval())
        m_clock.setInterval(tick);
    const qint64 now = nowMs();
    m_timeAxis->setFormat(m_range == Range::SevenDays     ? QStringLiteral("ddd HH:mm")
                          : m_range == Range::FiveMinutes ? QStringLiteral("HH:mm:ss")
                                                          : QStringLiteral("HH:mm"));
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(now - rangeMs(m_range)),
                         QDateTime::fromMSecsSinceEpoch(now));
}

void TimeSeriesChart::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    if (paused)
        m_frame.stop();
    else
        reload(); // whatever came meanwhile is in the store (or in the pending lists)
}

void TimeSeriesChart::reload()
{
    const quint64 job = ++m_job;
    applyRange();
    if (!m_store) {
        flush();
        Q_EMIT loaded();
        return;
    }
    const qint64 to = nowMs();
    const qint64 from = to - rangeMs(m_range);
    // Roughly 600 points per line whatever the range; the store picks the tier.
    const qint64 step =
        m_range == Range::FiveMinutes || m_range == Range::OneHour ? 0 : rangeMs(m_range) / 600;
    m_answersMissing = 0;
    for (const Line &l : m_lines)
        m_answersMissing += l.liveOnly ? 0 : 1;
    if (m_answersMissing == 0) {
        flush();
        Q_EMIT loaded();
        return;
    }
    for (size_t i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].liveOnly)
            continue;
        core::SeriesRequest request = m_lines[i].request;
        request.fromMs = from;
        request.toMs = to;
        request.stepMs = step;
        m_store->querySeries(request).then(this, [this, job, i](core::Result<core::Series> r) {
            if (job != m_job || i >= m_lines.size())
                return; // a newer request replaced this one
            Line &line = m_lines[i];
            QList<QPointF> points;
            if (r) {
                // Raw rounds of an hour are 1,800 a line; the latest of each slot stands for it.
                points.reserve(std::min<qsizetype>(qsizetype(r->points.size()), 601));
                const qint64 slot = slotMs(m_range);
                qint64 lastSlot = -1;
                for (const core::SeriesPoint &p : r->points)
                    addToSlot(points, QPointF(double(p.timeMs), p.value), slot, lastSlot);
            }
            // Live points newer than the history stay queued behind it.
            const qint64 last = points.isEmpty() ? 0 : qint64(points.constLast().x());
            line.pending.removeIf([last](const QPointF &p) { return qint64(p.x()) <= last; });
            line.series->replace(points);
            line.liveSlot = -1; // the next live point starts a slot of its own
            line.lastMs = line.pending.isEmpty() ? last : qint64(line.pending.constLast().x());
            if (--m_answersMissing == 0) {
                flush();
                Q_EMIT loaded();
            }
        });
    }
}

void TimeSeriesChart::refreshTail()
{
    if (!m_store || m_paused || m_answersMissing > 0)
        return;
    const quint64 job = m_job;
    const qint64 to = nowMs();
    for (size_t i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].liveOnly)
            continue;
        core::SeriesRequest request = m_lines[i].request;
        request.fromMs = std::max(m_lines[i].lastMs + 1, to - rangeMs(m_range));
        request.toMs = to;
        m_store->querySeries(request).then(this, [this, job, i](core::Result<core::Series> r) {
            if (job != m_job || i >= m_lines.size() || !r)
                return;
            for (const core::SeriesPoint &p : r->points)
                appendPoint(int(i), p.timeMs, p.value);
        });
    }
}

void TimeSeriesChart::appendPoint(int index, qint64 timeMs, double value)
{
    if (index < 0 || size_t(index) >= m_lines.size())
        return;
    Line &line = m_lines[size_t(index)];
    if (timeMs <= line.lastMs)
        return; // already drawn (a tail query overlapping a live point)
    line.pending.append(QPointF(double(timeMs), value));
    line.lastMs = timeMs;
    if (!m_paused && !m_frame.isActive())
        m_frame.start();
}

void TimeSeriesChart::flush()
{
    m_frame.stop();
    if (m_paused)
        return;
    applyRange();
    const double from = double(nowMs() - rangeMs(m_range));
    bool any = false;
    for (Line &line : m_lines) {
        // One replace() per line and frame: QLineSeries::append(list) adds point by point, and
        // the chart redoes the whole line's geometry for each (kastle_chart_bench never got
        // through a full five-minute range of 180,000 points that way).
        const bool scrolled = line.series->count() > 0 && line.series->at(0).x() < from;
        if (!line.pending.isEmpty() || scrolled) {
            QList<QPointF> pts = line.series->points();
            const qint64 slot = slotMs(m_range);
            for (const QPointF &p : std::as_const(line.pending))
                addToSlot(pts, p, slot, line.liveSlot);
            line.pending.clear();
            // Drop what scrolled out of the range.
            qsizetype old = 0;
            while (old < pts.size() && pts.at(old).x() < from)
                ++old;
            pts.remove(0, old);
            line.series->replace(pts);
        }
        any = any || line.series->count() > 0;
    }
    m_empty->setVisible(!any);
    rescaleY();
}

void TimeSeriesChart::rescaleY()
{
    double top = 0;
    for (const Line &line : m_lines) {
        const QList<QPointF> pts = line.series->points();
        for (const QPointF &p : pts)
            top = std::max(top, p.y());
    }
    // A round number above the highest point, so the axis does not twitch on every frame.
    double nice = 1;
    for (double magnitude = 1; nice < top; magnitude *= 10) {
        for (const double step : {1.0, 2.0, 5.0, 10.0}) {
            nice = step * magnitude;
            if (nice >= top)
                break;
        }
    }
    m_valueAxis->setRange(0, std::max(1.0, nice));
    m_valueAxis->setLabelFormat(nice < 10 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
}

void TimeSeriesChart::onHover(const Line &line, const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    // The nearest drawn point to the cursor's time.
    const QList<QPointF> pts = line.series->points();
    QPointF best = point;
    double bestDistance = -1;
    for (const QPointF &p : pts) {
        const double d = std::abs(p.x() - point.x());
        if (bestDistance < 0 || d < bestDistance) {
            bestDistance = d;
            best = p;
        }
    }
    const QString when = QDateTime::fromMSecsSinceEpoch(qint64(best.x()))
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QString text =
        QStringLiteral("%1\n%2: %3")
            .arg(when, line.label, QLocale().toString(best.y(), 'f', best.y() < 10 ? 2 : 0));
    if (!line.unit.isEmpty())
        text += QLatin1Char(' ') + line.unit;
    QToolTip::showText(QCursor::pos(), text, m_view);
}

int TimeSeriesChart::pointCount(int line) const
{
    return line >= 0 && size_t(line) < m_lines.size() ? int(m_lines[size_t(line)].series->count())
                                                      : 0;
}

QList<QPointF> TimeSeriesChart::points(int line) const
{
    return line >= 0 && size_t(line) < m_lines.size() ? m_lines[size_t(line)].series->points()
                                                      : QList<QPointF>{};
}

QString TimeSeriesChart::csv() const
{
    // One row per distinct time over all lines; empty cells where a line has no point then.
    std::map<qint64, std::vector<QString>> rows;
    for (size_t i = 0; i < m_lines.size(); ++i) {
        QList<QPointF> pts = m_lines[i].series->points();
        pts += m_lines[i].pending;
        for (const QPointF &p : pts) {
            auto &row = rows[qint64(p.x())];
            row.resize(m_lines.size());
            row[i] = QString::number(p.y(), 'g', 12);
        }
    }
    QString out = QStringLiteral("time");
    for (const Line &l : m_lines)
        out += QLatin1Char(',') + QString(l.label).replace(QLatin1Char(','), QLatin1Char(' '));
    out += QLatin1Char('\n');
    for (const auto &[t, cells] : rows) {
        out += QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODateWithMs);
        for (size_t i = 0; i < m_lines.size(); ++i)
            out += QLatin1Char(',') + (i < cells.size() ? cells[i] : QString());
        out += QLatin1Char('\n');
    }
    return out;
}

bool TimeSeriesChart::exportCsv(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(csv().toUtf8());
    return f.commit();
}

bool TimeSeriesChart::exportPng(const QString &path)
{
    flush();
    return m_view->grab().save(path, "PNG");
}

} // namespace kastle::ui
