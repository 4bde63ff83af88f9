#include "slaconfiguration.h"
