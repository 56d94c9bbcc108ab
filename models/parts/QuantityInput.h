#pragma once
// Quantities as people type them into the console's fields (a transfer's quantity, a
// reorder point): in this language's way ("1,5" in Portuguese) or with a point.
#include <QString>

namespace fieldops::parts {

// False when the text is no finite number.
bool parseQuantity(const QString &text, double *quantity);

} // namespace fieldops::parts
