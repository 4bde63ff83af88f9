#include "oncallschedule.h"
