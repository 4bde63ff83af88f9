#include "escalationpolicy.h"
