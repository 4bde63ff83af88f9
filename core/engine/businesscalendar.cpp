#include "businesscalendar.h"
