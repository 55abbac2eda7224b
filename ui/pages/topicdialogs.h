// The dialogs of the topics page: create a topic (validated before anything is sent), delete
// one (type its name to confirm; a production cluster asks for more), and add partitions.
#pragma once

#include "session/operations.h"

#include <QDialog>
#include <QSet>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace kastle::ui {

class CreateTopicDialog : public QDialog
{
    Q_OBJECT
public:
    CreateTopicDialog(QSet<QString> existing, int brokerCount, QWidget *parent = nullptr);

    core::NewTopic topic() const;
    // Empty when the input can be sent, else the first problem as a sentence.
    QString problem() const;
    // The same rule the broker applies to names.
    static QString nameProblem(const QString &name);

    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *partitionsBox() const { return m_partitions; }
    QSpinBox *replicationBox() const { return m_replication; }

private:
    void validate();

    QSet<QString> m_existing;
    int m_brokers;
    QLineEdit *m_name;
    QSpinBox *m_partitions;
    QSpinBox *m_replication;
    QComboBox *m_cleanup;
    QComboBox *m_retention;
    QSpinBox *m_minIsr;
    QComboBox *m_compression;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

class DeleteTopicDialog : public QDialog
{
    Q_OBJECT
public:
    DeleteTopicDialog(const QString &topic, bool production, QWidget *parent = nullptr);
    bool confirmed() const; // the name typed matches (and, on production, the box is ticked)
    QLineEdit *confirmEdit() const { return m_typed; }
    QCheckBox *productionBox() const { return m_production; }

private:
    void update();
    QString m_topic;
    QLineEdit *m_typed;
    QCheckBox *m_production = nullptr;
    QDialogButtonBox *m_buttons;
};

class AddPartitionsDialog : public QDialog
{
    Q_OBJECT
public:
    AddPartitionsDialog(const QString &topic, int current, QWidget *parent = nullptr);
    int total() const;
    QSpinBox *totalBox() const { return m_total; }

private:
    QSpinBox *m_total;
};

} // namespace kastle::ui
