#include "slaengine.h"
