#include "searchtext.h"

#include <algorithm>

namespace nocturne::models {

namespace {

QChar *foldInto(QChar *dst, QStringView text)
{
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x80)
            *dst++ = QChar(char16_t(c >= u'A' && c <= u'Z' ? c + (u'a' - u'A') : c));
        else
            *dst++ = ch.toLower();
    }
    return dst;
}

} // namespace

QString foldForSearch(QStringView text)
{
    QString out(text.size(), Qt::Uninitialized);
    foldInto(out.data(), text);
    return out;
}

QString foldForSearch(std::initializer_list<QStringView> fields, QChar separator)
{
    qsizetype size = qsizetype(fields.size()) - 1;
    for (QStringView field : fields)
        size += field.size();
    QString out(std::max<qsizetype>(size, 0), Qt::Uninitialized);
    QChar *dst = out.data();
    bool first = true;
    for (QStringView field : fields) {
        if (!first)
            *dst++ = separator;
        first = false;
        dst = foldInto(dst, field);
    }
    return out;
}

} // namespace nocturne::models
