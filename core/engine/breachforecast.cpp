#include "breachforecast.h"
