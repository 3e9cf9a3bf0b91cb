// Core's messages in the window's language: core says what went wrong as a catalog id with its
// parameters (core/util/message.h); this file keeps each id's words for translation.
#pragma once

#include <QString>
#include <QStringList>
#include <span>

#include "util/message.h"
#include "util/result.h"

namespace unveil::ui {

/// A core message in the window's language; an id this table does not know is said in core's
/// English, so nothing is lost.
QString coreText(const Message& message);

/// `said` in the window's language, or `english` as it is when `said` is empty (a part of core
/// that gives English only).
QString coreText(const Message& said, const std::string& english);

/// A core error in the window's language: from its catalog message when it has one, else its
/// English text as it is.
QString coreText(const Error& error);

/// One translatable entry: a catalog id and its English words (the translation's source).
struct CoreMessageEntry {
  const char* id;
  const char* source;
};

/// Every entry, for the test that holds this table to core's catalog.
std::span<const CoreMessageEntry> coreMessageTable();

}  // namespace unveil::ui
