#include "slaclock.h"
