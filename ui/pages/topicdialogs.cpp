// Create, delete and add-partitions dialogs.
#include "topicdialogs.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kastle::ui {

CreateTopicDialog::CreateTopicDialog(QSet<QString> existing, int brokerCount, QWidget *parent)
    : QDialog(parent)
    , m_existing(std::move(existing))
    , m_brokers(std::max(1, brokerCount))
{
    setObjectName(QStringLiteral("createTopicDialog"));
    setWindowTitle(tr("Create topic"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("topicName"));
    m_name->setPlaceholderText(tr("e.g. orders"));
    m_partitions = new QSpinBox(this);
    m_partitions->setObjectName(QStringLiteral("topicPartitions"));
    m_partitions->setRange(1, 10000);
    m_partitions->setValue(6);
    m_replication = new QSpinBox(this);
    m_replication->setObjectName(QStringLiteral("topicReplication"));
    m_replication->setRange(1, 32);
    m_replication->setValue(std::min(3, m_brokers));
    m_cleanup = new QComboBox(this);
    m_cleanup->addItem(tr("delete (by time and size)"), QStringLiteral("delete"));
    m_cleanup->addItem(tr("compact (latest value per key)"), QStringLiteral("compact"));
    m_retention = new QComboBox(this);
    m_retention->addItem(tr("broker default"), QString());
    m_retention->addItem(tr("1 hour"), QStringLiteral("3600000"));
    m_retention->addItem(tr("1 day"), QStringLiteral("86400000"));
    m_retention->addItem(tr("7 days"), QStringLiteral("604800000"));
    m_retention->addItem(tr("30 days"), QStringLiteral("2592000000"));
    m_retention->addItem(tr("forever"), QStringLiteral("-1"));
    m_minIsr = new QSpinBox(this);
    m_minIsr->setRange(0, 32);
    m_minIsr->setSpecialValueText(tr("broker default"));
    m_compression = new QComboBox(this);
    m_compression->addItem(tr("as the producer sent it"), QString());
    for (const char *c : {"gzip", "snappy", "lz4", "zstd", "uncompressed"})
        m_compression->addItem(QString::fromLatin1(c), QString::fromLatin1(c));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Partitions:"), m_partitions);
    form->addRow(tr("&Replication factor:"), m_replication);
    form->addRow(tr("&Cleanup policy:"), m_cleanup);
    form->addRow(tr("R&etention:"), m_retention);
    form->addRow(tr("&Min. in-sync replicas:"), m_minIsr);
    form->addRow(tr("C&ompression:"), m_compression);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("createTopicProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CreateTopicDialog::validate);
    connect(m_replication, &QSpinBox::valueChanged, this, &CreateTopicDialog::validate);
    connect(m_minIsr, &QSpinBox::valueChanged, this, &CreateTopicDialog::validate);
    Theme::alignFormLabels(this);
    validate();
}

QString CreateTopicDialog::nameProblem(const QString &name)
{
    static const QRegularExpression legal(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (name.isEmpty())
        return tr("Enter a name.");
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return tr("A topic cannot be named \".\" or \"..\".");
    if (name.size() > 249)
        return tr("A topic name has at most 249 characters.");
    if (!legal.match(name).hasMatch())
        return tr("A topic name may only contain letters, digits, '.', '_' and '-'.");
    return {};
}

QString CreateTopicDialog::problem() const
{
    const QString name = m_name->text().trimmed();
    if (QString p = nameProblem(name); !p.isEmpty())
        return p;
    if (m_existing.contains(name))
        return tr("A topic named %1 already exists.").arg(name);
    if (m_replication->value() > m_brokers)
        return tr("The replication factor cannot be larger than the number of brokers (%n).",
                  nullptr, m_brokers);
    if (m_minIsr->value() > m_replication->value())
        return tr("Min. in-sync replicas cannot be larger than the replication factor: every "
                  "write would fail.");
    return {};
}

void CreateTopicDialog::validate()
{
    const QString p = problem();
    // An empty name is not worth a red sentence yet.
    m_problem->setText(m_name->text().isEmpty() ? QString() : p);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}

core::NewTopic CreateTopicDialog::topic() const
{
    core::NewTopic t;
    t.name = m_name->text().trimmed();
    t.partitions = m_partitions->value();
    t.replicationFactor = m_replication->value();
    t.configs.emplace_back(QStringLiteral("cleanup.policy"), m_cleanup->currentData().toString());
    if (const QString r = m_retention->currentData().toString(); !r.isEmpty())
        t.configs.emplace_back(QStringLiteral("retention.ms"), r);
    if (m_minIsr->value() > 0)
        t.configs.emplace_back(QStringLiteral("min.insync.replicas"),
                               QString::number(m_minIsr->value()));
    if (const QString c = m_compression->currentData().toString(); !c.isEmpty())
        t.configs.emplace_back(QStringLiteral("compression.type"), c);
    return t;
}

// ------------------------------------------------------------------------------------------

DeleteTopicDialog::DeleteTopicDialog(const QString &topic, bool production, QWidget *parent)
    : QDialog(parent)
    , m_topic(topic)
{
    setObjectName(QStringLiteral("deleteTopicDialog"));
    setWindowTitle(tr("Delete topic %1").arg(topic));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(
        tr("Deleting <b>%1</b> removes all its messages on every broker. Consumers of the topic "
           "will fail to read it. This cannot be undone.")
            .arg(topic.toHtmlEscaped()),
        this);
    text->setWordWrap(true);
    layout->addWidget(text);
    if (production) {
        auto *warning = new QLabel(
            tr("This is a PRODUCTION cluster. Make sure no application still writes to or reads "
               "from this topic."),
            this);
        warning->setObjectName(QStringLiteral("productionWarning"));
        warning->setWordWrap(true);
        warning->setStyleSheet(QStringLiteral("QLabel { background: #c62828; color: white; "
                                              "padding: 8px; border-radius: 4px; "
                                              "font-weight: bold; }"));
        layout->addWidget(warning);
    }
    layout->addWidget(new QLabel(tr("Type the topic name to confirm:"), this));
    m_typed = new QLineEdit(this);
    m_typed->setObjectName(QStringLiteral("confirmName"));
    m_typed->setPlaceholderText(topic);
    layout->addWidget(m_typed);
    if (production) {
        m_production = new QCheckBox(tr("I understand that this deletes production data"), this);
        m_production->setObjectName(QStringLiteral("confirmProduction"));
        layout->addWidget(m_production);
        connect(m_production, &QCheckBox::toggled, this, &DeleteTopicDialog::update);
    }
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Delete topic"));
    ok->setIcon(Theme::icon(QStringLiteral("delete")));
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (confirmed())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_typed, &QLineEdit::textChanged, this, &DeleteTopicDialog::update);
    update();
}

bool DeleteTopicDialog::confirmed() const
{
    return m_typed->text() == m_topic && (!m_production || m_production->isChecked());
}

void DeleteTopicDialog::update()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(confirmed());
}

// ------------------------------------------------------------------------------------------

AddPartitionsDialog::AddPartitionsDialog(const QString &topic, int current, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("addPartitionsDialog"));
    setWindowTitle(tr("Add partitions to %1").arg(topic));
    m_total = new QSpinBox(this);
    m_total->setObjectName(QStringLiteral("partitionTotal"));
    m_total->setRange(current + 1, std::max(current + 1, 100000));
    m_total->setValue(current + 1);
    auto *note = new QLabel(tr("The topic has %n partition(s). Partitions can be added but never "
                               "removed, and keys will map to different partitions afterwards, "
                               "which breaks per-key ordering for keyed producers.",
                               nullptr, current),
                            this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("New &total:"), m_total);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add partitions"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

int AddPartitionsDialog::total() const
{
    return m_total->value();
}

} // namespace kastle::ui
