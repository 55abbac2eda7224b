// Secret prompt.
#include "secretprompt.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace kastle::ui {

std::optional<core::ProfileSecrets>
SecretPrompt::ask(QWidget *parent, const core::ConnectionProfile &profile, const QString &reason)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("secretPrompt"));
    dialog.setWindowTitle(tr("Secret for %1").arg(profile.name));
    auto *why = new QLabel(tr("%1\n\nKastle asks once per run and keeps the answer in memory "
                              "only; it is never written to disk.")
                               .arg(reason),
                           &dialog);
    why->setWordWrap(true);
    auto *form = new QFormLayout;
    const auto secretEdit = [&dialog] {
        auto *e = new QLineEdit(&dialog);
        e->setEchoMode(QLineEdit::Password);
        return e;
    };
    QLineEdit *password = nullptr;
    QLineEdit *token = nullptr;
    QLineEdit *keyPassword = nullptr;
    if (profile.needsPassword())
        form->addRow(tr("Password for %1:").arg(profile.username), password = secretEdit());
    if (profile.needsToken())
        form->addRow(tr("Token:"), token = secretEdit());
    if (profile.mayHaveKeyPassword())
        form->addRow(tr("Key password (if the key is encrypted):"), keyPassword = secretEdit());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(why);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    core::ProfileSecrets s;
    if (password)
        s.password = password->text();
    if (token)
        s.oauthToken = token->text();
    if (keyPassword)
        s.keyPassword = keyPassword->text();
    return s;
}

} // namespace kastle::ui
