// Messages page: the browse controls and their translation into a BrowseRequest.
#include "messagespage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace kastle::ui {

using core::BrowseRequest;

QWidget *MessagesPage::makeControls()
{
    auto *box = new QWidget(this);
    m_topic = new QComboBox(box);
    m_topic->setObjectName(QStringLiteral("topicBox"));
    m_topic->setEditable(true);
    m_topic->setMinimumContentsLength(18);
    m_topic->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_topic->lineEdit()->setPlaceholderText(tr("topic"));
    m_partitions = new QLineEdit(box);
    m_partitions->setObjectName(QStringLiteral("partitionsEdit"));
    m_partitions->setPlaceholderText(tr("all"));
    m_partitions->setToolTip(tr("Partitions to read, e.g. 0,2,5-7; empty for all"));
    m_partitions->setMaximumWidth(110);

    m_startMode = new QComboBox(box);
    m_startMode->setObjectName(QStringLiteral("startMode"));
    m_startMode->addItem(tr("Earliest"));
    m_startMode->addItem(tr("Latest minus"));
    m_startMode->addItem(tr("Offset"));
    m_startMode->addItem(tr("Time"));
    m_startMode->addItem(tr("Group's position"));
    m_startMode->setCurrentIndex(1);
    m_startCount = new QSpinBox(box);
    m_startCount->setObjectName(QStringLiteral("startCount"));
    m_startCount->setRange(0, 100'000'000);
    m_startCount->setValue(100);
    m_startCount->setSuffix(tr(" per partition"));
    m_startOffset = new QLineEdit(box);
    m_startOffset->setObjectName(QStringLiteral("startOffset"));
    m_startOffset->setPlaceholderText(tr("offset"));
    m_startOffset->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("\\d{0,19}")), m_startOffset));
    m_startTime = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(-3600), box);
    m_startTime->setObjectName(QStringLiteral("startTime"));
    m_startTime->setCalendarPopup(true);
    m_startTime->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_group = new QLineEdit(box);
    m_group->setObjectName(QStringLiteral("startGroup"));
    m_group->setPlaceholderText(tr("consumer group id"));
    m_startEditors = new QStackedWidget(box);
    m_startEditors->addWidget(new QWidget(box));
    m_startEditors->addWidget(m_startCount);
    m_startEditors->addWidget(m_startOffset);
    m_startEditors->addWidget(m_startTime);
    m_startEditors->addWidget(m_group);
    m_startEditors->setMinimumWidth(170);
    m_startEditors->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    m_stopMode = new QComboBox(box);
    m_stopMode->setObjectName(QStringLiteral("stopMode"));
    m_stopMode->addItem(tr("At the current end"));
    m_stopMode->addItem(tr("After"));
    m_stopMode->addItem(tr("At time"));
    m_stopMode->addItem(tr("Never (follow live)"));
    m_stopCount = new QSpinBox(box);
    m_stopCount->setObjectName(QStringLiteral("stopCount"));
    m_stopCount->setRange(1, 100'000'000);
    m_stopCount->setValue(1000);
    m_stopCount->setSuffix(tr(" messages"));
    m_stopTime = new QDateTimeEdit(QDateTime::currentDateTime(), box);
    m_stopTime->setObjectName(QStringLiteral("stopTime"));
    m_stopTime->setCalendarPopup(true);
    m_stopTime->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_stopEditors = new QStackedWidget(box);
    m_stopEditors->addWidget(new QWidget(box));
    m_stopEditors->addWidget(m_stopCount);
    m_stopEditors->addWidget(m_stopTime);
    m_stopEditors->addWidget(new QWidget(box));
    m_stopEditors->setMinimumWidth(150);
    m_stopEditors->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_newestFirst = new QCheckBox(tr("Newest first"), box);
    m_newestFirst->setObjectName(QStringLiteral("newestFirst"));

    m_filterKind = new QComboBox(box);
    m_filterKind->setObjectName(QStringLiteral("filterKind"));
    m_filterKind->addItem(tr("No filter"));
    m_filterKind->addItem(tr("Contains"));
    m_filterKind->addItem(tr("Regular expression"));
    m_filterKind->addItem(tr("JSON path"));
    m_filterTarget = new QComboBox(box);
    m_filterTarget->setObjectName(QStringLiteral("filterTarget"));
    m_filterTarget->addItem(tr("in value"), int(core::FilterSpec::Value));
    m_filterTarget->addItem(tr("in key"), int(core::FilterSpec::Key));
    m_filterTarget->addItem(tr("in headers"), int(core::FilterSpec::Headers));
    m_filterTarget->addItem(tr("anywhere"), int(core::FilterSpec::All));
    m_filterText = new QLineEdit(box);
    m_filterText->setObjectName(QStringLiteral("filterText"));
    m_filterText->setClearButtonEnabled(true);
    m_filterText->setPlaceholderText(tr("text, pattern, or $.user.id == 42"));
    m_filterText->setMinimumWidth(260);
    m_matchCase = new QCheckBox(tr("Match case"), box);
    m_matchCase->setObjectName(QStringLiteral("matchCase"));
    m_matchCase->setChecked(true);

    m_read = new QPushButton(tr("Read"), box);
    m_read->setObjectName(QStringLiteral("readButton"));
    m_read->setDefault(true);
    m_stop = new QPushButton(tr("Stop"), box);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_produce = new QPushButton(tr("Produce…"), box);
    m_produce->setObjectName(QStringLiteral("produceButton"));
    m_export = new QPushButton(tr("Export"), box);
    m_export->setObjectName(QStringLiteral("exportButton"));
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("Selected messages…"), this, [this] { chooseExport(true); });
    exportMenu->addAction(tr("Whole range (re-read)…"), this, [this] { chooseExport(false); });
    m_export->setMenu(exportMenu);
    m_import = new QPushButton(tr("Import…"), box);
    m_import->setObjectName(QStringLiteral("importButton"));

    auto *row1 = new QHBoxLayout;
    row1->addWidget(new QLabel(tr("Topic"), box));
    row1->addWidget(m_topic, 1);
    row1->addWidget(new QLabel(tr("Partitions"), box));
    row1->addWidget(m_partitions);
    row1->addSpacing(8);
    row1->addWidget(new QLabel(tr("From"), box));
    row1->addWidget(m_startMode);
    row1->addWidget(m_startEditors);
    row1->addSpacing(8);
    row1->addWidget(new QLabel(tr("Stop"), box));
    row1->addWidget(m_stopMode);
    row1->addWidget(m_stopEditors);
    row1->addWidget(m_newestFirst);
    row1->addStretch();
    auto *row2 = new QHBoxLayout;
    row2->addWidget(new QLabel(tr("Filter"), box));
    row2->addWidget(m_filterKind);
    row2->addWidget(m_filterTarget);
    row2->addWidget(m_filterText, 1);
    row2->addWidget(m_matchCase);
    row2->addSpacing(12);
    row2->addWidget(m_read);
    row2->addWidget(m_stop);
    row2->addSpacing(12);
    row2->addWidget(m_produce);
    row2->addWidget(m_export);
    row2->addWidget(m_import);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row1);
    layout->addLayout(row2);

    connect(m_startMode, &QComboBox::currentIndexChanged, this, &MessagesPage::updateStartEditors);
    connect(m_stopMode, &QComboBox::currentIndexChanged, this, &MessagesPage::updateStopEditors);
    connect(m_filterKind, &QComboBox::currentIndexChanged, this, [this](int kind) {
        m_filterTarget->setEnabled(kind != 0);
        m_filterText->setEnabled(kind != 0);
        m_matchCase->setEnabled(kind == 1 || kind == 2);
    });
    connect(m_read, &QPushButton::clicked, this, &MessagesPage::startReading);
    connect(m_filterText, &QLineEdit::returnPressed, this, &MessagesPage::startReading);
    connect(m_stop, &QPushButton::clicked, this, &MessagesPage::stopReading);
    connect(m_produce, &QPushButton::clicked, this, &MessagesPage::openProduceDialog);
    connect(m_import, &QPushButton::clicked, this, &MessagesPage::chooseImport);
    connect(m_newestFirst, &QCheckBox::toggled, m_model, &core::MessageModel::setNewestFirst);
    updateStartEditors();
    updateStopEditors();
    m_filterTarget->setEnabled(false);
    m_filterText->setEnabled(false);
    m_matchCase->setEnabled(false);
    return box;
}

// Modes without a value (earliest, the current end, follow live) hide the value editor.
void MessagesPage::updateStartEditors()
{
    m_startEditors->setCurrentIndex(m_startMode->currentIndex());
    m_startEditors->setVisible(m_startMode->currentIndex() != 0);
}

void MessagesPage::updateStopEditors()
{
    const int mode = m_stopMode->currentIndex();
    m_stopEditors->setCurrentIndex(mode);
    m_stopEditors->setVisible(mode == 1 || mode == 2);
}

void MessagesPage::setTopic(const QString &topic)
{
    m_topic->setEditText(topic);
}

core::Result<BrowseRequest> MessagesPage::browseRequest() const
{
    BrowseRequest r;
    r.topic = m_topic->currentText().trimmed();
    if (r.topic.isEmpty())
        return core::Error{tr("Choose a topic to read.")};
    const QString parts = m_partitions->text().trimmed();
    if (!parts.isEmpty() && parts != tr("all")) {
        for (const QString &piece : parts.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList range = piece.trimmed().split(QLatin1Char('-'));
            bool okA = false, okB = true;
            const int a = range.value(0).toInt(&okA);
            const int b = range.size() > 1 ? range.value(1).toInt(&okB) : a;
            if (!okA || !okB || range.size() > 2 || b < a || a < 0)
                return core::Error{
                    tr("\"%1\" is not a partition list; write e.g. 0,2,5-7.").arg(parts)};
            for (int p = a; p <= b; ++p)
                if (!r.partitions.contains(p))
                    r.partitions.append(p);
        }
    }
    r.start = static_cast<BrowseRequest::Start>(m_startMode->currentIndex());
    switch (r.start) {
    case BrowseRequest::Start::LatestMinusN:
        r.startValue = m_startCount->value();
        break;
    case BrowseRequest::Start::Offset:
        if (m_startOffset->text().isEmpty())
            return core::Error{tr("Enter the offset to start at.")};
        r.startValue = m_startOffset->text().toLongLong();
        break;
    case BrowseRequest::Start::Timestamp:
        r.startValue = m_startTime->dateTime().toMSecsSinceEpoch();
        break;
    case BrowseRequest::Start::GroupCommitted:
        r.group = m_group->text().trimmed();
        if (r.group.isEmpty())
            return core::Error{tr("Enter the consumer group whose position to start at.")};
        break;
    case BrowseRequest::Start::Earliest:
        break;
    }
    r.stop = static_cast<BrowseRequest::Stop>(m_stopMode->currentIndex());
    r.stopCount = m_stopCount->value();
    r.stopTimestamp = m_stopTime->dateTime().toMSecsSinceEpoch();
    r.filter.kind = static_cast<core::FilterSpec::Kind>(m_filterKind->currentIndex());
    r.filter.targets = m_filterTarget->currentData().toInt();
    r.filter.text = m_filterText->text();
    r.filter.caseSensitive = m_matchCase->isChecked();
    if (r.filter.kind != core::FilterSpec::Kind::None && r.filter.text.isEmpty())
        r.filter.kind = core::FilterSpec::Kind::None;
    if (r.filter.isActive()) {
        core::Result<core::MessageFilter> compiled = core::MessageFilter::compile(r.filter);
        if (!compiled)
            return compiled.error();
    }
    return r;
}

} // namespace kastle::ui
