#include "icscalendar.h"
