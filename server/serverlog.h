#pragma once

#include <QLoggingCategory>

// The server's one logging category ("nocturne.server"). Nothing logged here ever holds
// a token: only token ids, user names, routes and store errors.
Q_DECLARE_LOGGING_CATEGORY(lcServer)
