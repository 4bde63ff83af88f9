#include "connectionsettingsdialog.h"

#include "consolesettings.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPushButton>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QVBoxLayout>

namespace nocturne::ui {

namespace {

constexpr int TestTimeoutMs = 10'000;

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString errorMessageOf(const QByteArray &body)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    return error.value(QLatin1String("message")).toString();
}

} // namespace

ConnectionSettingsDialog::ConnectionSettingsDialog(CredentialStore &credentials, QWidget *parent)
    : QDialog(parent)
    , m_credentials(credentials)
    , m_url(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_ca(new QLineEdit(this))
    , m_warning(new QLabel(this))
    , m_status(new QLabel(this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_standalone(new QPushButton(tr("Work &standalone"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_network(new QNetworkAccessManager(this))
{
    setObjectName(QStringLiteral("connectionSettingsDialog"));
    setWindowTitle(tr("Connect to server"));
    const ConsoleSettings stored;
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://noc.example.com:8470"));
    m_url->setText(stored.serverUrl().toString());
    m_user->setObjectName(QStringLiteral("serverUser"));
    m_user->setText(stored.serverUser());
    m_token->setObjectName(QStringLiteral("serverToken"));
    m_token->setEchoMode(QLineEdit::Password);
    if (stored.serverUrl().isValid() && !stored.serverUrl().isEmpty()) {
        m_storedAccount = CredentialStore::accountFor(stored.serverUrl().host(), stored.serverUser());
        m_token->setPlaceholderText(tr("Leave empty to keep the stored token"));
    } else {
        m_token->setPlaceholderText(QStringLiteral("noc_…"));
    }
    m_ca->setObjectName(QStringLiteral("caCertificate"));
    m_ca->setPlaceholderText(tr("Optional: PEM file of the server's certificate authority"));
    m_ca->setText(stored.caCertificatePath());
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ConnectionSettingsDialog::chooseCaFile);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_ca, 1);
    caRow->addWidget(browse);

    m_warning->setObjectName(QStringLiteral("plainHttpWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #b26a00;"));
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_standalone->setObjectName(QStringLiteral("workStandalone"));
    m_standalone->setToolTip(tr("Stop syncing and forget the server and its token. The local database keeps "
                                "everything."));
    m_buttons->addButton(m_standalone, QDialogButtonBox::ResetRole);

    auto *note = new QLabel(tr("The token is kept in the system keychain, never in Nocturne's settings. "
                               "Ask an administrator for one (nocturnectl token create USER)."),
                            this);
    note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Server &URL:"), m_url);
    form->addRow(tr("U&ser:"), m_user);
    form->addRow(tr("T&oken:"), m_token);
    auto *caLabel = new QLabel(tr("&CA certificate:"), this);
    caLabel->setBuddy(m_ca); // a row holding a layout gets no buddy by itself
    form->addRow(caLabel, caRow);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addWidget(note);
    layout->addLayout(testRow);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ConnectionSettingsDialog::testConnection);
    connect(m_standalone, &QPushButton::clicked, this, [this] {
        ConsoleSettings().clearServer();
        if (!m_storedAccount.isEmpty())
            m_credentials.deleteToken(m_storedAccount, &m_credentials, [](const CredentialResult &) {});
        Q_EMIT standaloneChosen();
        QDialog::accept();
    });
    for (QLineEdit *edit : { m_url, m_user, m_token, m_ca })
        connect(edit, &QLineEdit::textChanged, this, &ConnectionSettingsDialog::validate);
    validate();
}

ConnectionSettingsDialog::~ConnectionSettingsDialog()
{
    if (m_pending)
        m_pending->abort();
}

QPushButton *ConnectionSettingsDialog::saveButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

core::SyncSettings ConnectionSettingsDialog::settings() const
{
    core::SyncSettings settings;
    settings.serverUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    settings.user = m_user->text().trimmed();
    settings.token = m_token->text().trimmed();
    settings.caCertificatePath = m_ca->text().trimmed();
    return settings;
}

QString ConnectionSettingsDialog::account() const
{
    const core::SyncSettings s = settings();
    return CredentialStore::accountFor(s.serverUrl.host(), s.user);
}

QString ConnectionSettingsDialog::validationError() const
{
    const core::SyncSettings s = settings();
    if (m_url->text().trimmed().isEmpty())
        return tr("Enter the server's URL.");
    if (!s.serverUrl.isValid() || (s.serverUrl.scheme() != QLatin1String("http") && s.serverUrl.scheme() != QLatin1String("https")))
        return tr("The server URL must start with https:// (or http://).");
    if (s.serverUrl.host().isEmpty())
        return tr("The server URL has no host name.");
    if (s.user.isEmpty())
        return tr("Enter your user name on the server.");
    if (s.user.contains(QLatin1Char(' ')) || s.user.contains(QLatin1Char('/')))
        return tr("A user name has no spaces or slashes.");
    if (s.token.isEmpty() && account() != m_storedAccount)
        return tr("Enter the token for this server and user.");
    if (!s.caCertificatePath.isEmpty() && QSslCertificate::fromPath(s.caCertificatePath).isEmpty())
        return tr("No PEM certificate could be read from %1.").arg(s.caCertificatePath);
    return {};
}

bool ConnectionSettingsDialog::sendsTokenUnencrypted() const
{
    const QUrl url = settings().serverUrl;
    return url.scheme() == QLatin1String("http") && !url.host().isEmpty() && !isLoopback(url.host());
}

void ConnectionSettingsDialog::validate()
{
    m_warning->setText(sendsTokenUnencrypted()
                           ? tr("Plain http to %1 sends the token unencrypted over the network. Use https, or a "
                                "TLS proxy in front of the server.")
                                 .arg(settings().serverUrl.host())
                           : QString());
    m_warning->setVisible(sendsTokenUnencrypted());
    const QString error = validationError();
    if (!m_pending)
        showStatus(error, !error.isEmpty());
    saveButton()->setEnabled(error.isEmpty() && !m_pending);
    m_test->setEnabled(error.isEmpty() && !m_pending);
}

void ConnectionSettingsDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void ConnectionSettingsDialog::setBusy(bool busy)
{
    for (QWidget *w : std::initializer_list<QWidget *> { m_url, m_user, m_token, m_ca, m_standalone })
        w->setEnabled(!busy);
    saveButton()->setEnabled(!busy && validationError().isEmpty());
    m_test->setEnabled(!busy && validationError().isEmpty());
}

void ConnectionSettingsDialog::chooseCaFile()
{
    auto *dialog = new QFileDialog(this, tr("CA certificate"), m_ca->text(), tr("PEM certificates (*.pem *.crt);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, m_ca, &QLineEdit::setText);
    dialog->open();
}

void ConnectionSettingsDialog::testConnection()
{
    if (!validationError().isEmpty() || m_pending)
        return;
    showStatus(tr("Connecting…"), false);
    const QString token = settings().token;
    if (!token.isEmpty()) {
        sendWhoami(token);
        return;
    }
    // Empty: the stored token is kept, so that is the one to test.
    m_test->setEnabled(false);
    m_credentials.readToken(m_storedAccount, this, [this](const CredentialResult &result) {
        if (!result.ok) {
            showStatus(tr("The stored token could not be read: %1").arg(result.message), true);
            m_test->setEnabled(true);
            Q_EMIT connectionTested(false, m_status->text());
            return;
        }
        sendWhoami(result.token);
    });
}

void ConnectionSettingsDialog::sendWhoami(const QString &token)
{
    const core::SyncSettings s = settings();
    // A server behind a proxy may live under a path prefix (https://host/nocturne).
    QUrl url = s.serverUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/api/v1/whoami"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setTransferTimeout(TestTimeoutMs);
    if (!s.caCertificatePath.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromPath(s.caCertificatePath));
        request.setSslConfiguration(tls);
    }
    m_pending = m_network->get(request);
    setBusy(true);
    connect(m_pending, &QNetworkReply::finished, this, [this, reply = m_pending.data()] { onWhoami(reply); });
}

void ConnectionSettingsDialog::onWhoami(QNetworkReply *reply)
{
    reply->deleteLater();
    m_pending = nullptr;
    setBusy(false);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    bool ok = false;
    if (status == 200) {
        const QJsonObject me = QJsonDocument::fromJson(body).object();
        const QString user = me.value(QLatin1String("user")).toString();
        const QString role = me.value(QLatin1String("role")).toString();
        ok = true;
        if (user != settings().user)
            showStatus(tr("Connected as %1 (%2), but the token is not %3's: changes would be refused.")
                           .arg(user, role, settings().user),
                       true);
        else
            showStatus(tr("Connected as %1 (%2)").arg(user, role), false);
    } else if (status == 401) {
        showStatus(tr("The server refused the token: %1").arg(errorMessageOf(body)), true);
    } else if (status != 0) {
        const QString message = errorMessageOf(body);
        showStatus(tr("The server answered HTTP %1%2")
                       .arg(QString::number(status), message.isEmpty() ? QString() : QStringLiteral(": ") + message),
                   true);
    } else if (reply->error() == QNetworkReply::OperationCanceledError) {
        showStatus(tr("No answer within %1 seconds.").arg(TestTimeoutMs / 1000), true);
    } else {
        showStatus(tr("Cannot reach the server: %1").arg(reply->errorString()), true);
    }
    Q_EMIT connectionTested(ok, m_status->text());
}

void ConnectionSettingsDialog::accept()
{
    if (!validationError().isEmpty() || m_pending)
        return;
    const core::SyncSettings s = settings();
    if (s.token.isEmpty()) {
        save({});
        return;
    }
    setBusy(true);
    showStatus(tr("Saving the token in the keychain…"), false);
    m_credentials.writeToken(account(), s.token, this, [this](const CredentialResult &result) {
        setBusy(false);
        if (result.ok) {
            save({});
            return;
        }
        save(result.message.isEmpty() ? tr("the keychain refused the token") : result.message);
    });
}

void ConnectionSettingsDialog::save(const QString &keychainProblem)
{
    const core::SyncSettings s = settings();
    ConsoleSettings stored;
    stored.setServerUrl(s.serverUrl);
    stored.setServerUser(s.user);
    stored.setCaCertificatePath(s.caCertificatePath);
    // The account changed: the old token is of no use any more and should not linger.
    if (!m_storedAccount.isEmpty() && m_storedAccount != account() && keychainProblem.isEmpty())
        m_credentials.deleteToken(m_storedAccount, &m_credentials, [](const CredentialResult &) {});
    Q_EMIT saved(s, keychainProblem);
    QDialog::accept();
}

} // namespace nocturne::ui
