-- RailBook initial schema. Hand-written in Prisma's own style (docs/decisions/002-hand-written-migrations.md);
-- tests/schema-agreement.test.ts checks it against prisma/schema.prisma.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PASSENGER', 'ADMIN');
CREATE TYPE "CoachKind" AS ENUM ('SEATED', 'SLEEPER');
CREATE TYPE "BerthKind" AS ENUM ('LOWER', 'MIDDLE', 'UPPER', 'SIDE_LOWER', 'SIDE_UPPER');
CREATE TYPE "SeatPosition" AS ENUM ('WINDOW', 'MIDDLE', 'AISLE');
CREATE TYPE "TrainType" AS ENUM ('EXPRESS_INTERCITY', 'INTERCITY', 'TLK', 'NIGHT', 'REGIONAL');
CREATE TYPE "ServiceStatus" AS ENUM ('SCHEDULED', 'DELAYED', 'CANCELLED');
CREATE TYPE "BookingStatus" AS ENUM ('HELD', 'CONFIRMED', 'WAITLISTED', 'CANCELLED', 'EXPIRED');
CREATE TYPE "BerthPreference" AS ENUM ('NONE', 'LOWER', 'MIDDLE', 'UPPER', 'SIDE_LOWER', 'SIDE_UPPER', 'WINDOW', 'AISLE');
CREATE TYPE "PassengerStatus" AS ENUM ('CONFIRMED', 'WAITLISTED', 'CANCELLED');
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'DECLINED');
CREATE TYPE "WaitlistStatus" AS ENUM ('WAITING', 'PROMOTED', 'CANCELLED');
CREATE TYPE "ScheduleChangeKind" AS ENUM ('DELAY', 'CANCELLATION', 'PLATFORM');
CREATE TYPE "NotificationChannel" AS ENUM ('IN_APP', 'EMAIL');
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'PASSENGER',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuthThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStartedAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuthThrottle_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "Station" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Station_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TravelClass" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TravelClass_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "CoachType" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CoachKind" NOT NULL,
    "classCode" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "columns" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoachType_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CoachTypeSeat" (
    "id" TEXT NOT NULL,
    "coachTypeId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "row" INTEGER NOT NULL,
    "col" INTEGER NOT NULL,
    "berth" "BerthKind",
    "position" "SeatPosition",
    "bay" INTEGER,

    CONSTRAINT "CoachTypeSeat_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Train" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "TrainType" NOT NULL,
    "originDepartureMinutes" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Train_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TrainStop" (
    "id" TEXT NOT NULL,
    "trainId" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "arrivalOffsetMinutes" INTEGER,
    "departureOffsetMinutes" INTEGER,
    "distanceKm" INTEGER NOT NULL,
    "platform" TEXT,

    CONSTRAINT "TrainStop_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TrainCoach" (
    "id" TEXT NOT NULL,
    "trainId" TEXT NOT NULL,
    "coachTypeId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "TrainCoach_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Quota" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Quota_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "TrainQuota" (
    "id" TEXT NOT NULL,
    "trainId" TEXT NOT NULL,
    "classCode" TEXT NOT NULL,
    "quotaCode" TEXT NOT NULL,
    "seatCount" INTEGER NOT NULL,

    CONSTRAINT "TrainQuota_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "trainId" TEXT NOT NULL,
    "serviceDate" DATE NOT NULL,
    "departsAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "ServiceStatus" NOT NULL DEFAULT 'SCHEDULED',
    "delayMinutes" INTEGER NOT NULL DEFAULT 0,
    "chartPreparedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ServicePlatform" (
    "serviceId" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,

    CONSTRAINT "ServicePlatform_pkey" PRIMARY KEY ("serviceId","stationId")
);

CREATE TABLE "ServiceSeat" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "coachTypeSeatId" TEXT NOT NULL,
    "coachLabel" TEXT NOT NULL,
    "coachPosition" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "berth" "BerthKind",
    "classCode" TEXT NOT NULL,
    "quotaCode" TEXT NOT NULL DEFAULT 'GENERAL',

    CONSTRAINT "ServiceSeat_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SeatAllocation" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "serviceSeatId" TEXT NOT NULL,
    "bookingPassengerId" TEXT NOT NULL,
    "fromSeq" INTEGER NOT NULL,
    "toSeq" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "releasedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeatAllocation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "FareRate" (
    "id" TEXT NOT NULL,
    "classCode" TEXT NOT NULL,
    "baseMinor" INTEGER NOT NULL,
    "perKmMinor" INTEGER NOT NULL,
    "minMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "validFrom" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validTo" TIMESTAMPTZ(3),

    CONSTRAINT "FareRate_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RefundRule" (
    "id" TEXT NOT NULL,
    "minHoursBefore" INTEGER NOT NULL,
    "refundBasisPoints" INTEGER NOT NULL,
    "feeMinor" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "validFrom" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validTo" TIMESTAMPTZ(3),

    CONSTRAINT "RefundRule_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Booking" (
    "id" TEXT NOT NULL,
    "pnr" CHAR(10) NOT NULL,
    "userId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "fromStationId" TEXT NOT NULL,
    "toStationId" TEXT NOT NULL,
    "fromSeq" INTEGER NOT NULL,
    "toSeq" INTEGER NOT NULL,
    "classCode" TEXT NOT NULL,
    "quotaCode" TEXT NOT NULL DEFAULT 'GENERAL',
    "status" "BookingStatus" NOT NULL,
    "holdExpiresAt" TIMESTAMPTZ(3),
    "totalMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BookingPassenger" (
    "id" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "age" INTEGER NOT NULL,
    "berthPreference" "BerthPreference" NOT NULL DEFAULT 'NONE',
    "fareMinor" INTEGER NOT NULL,
    "status" "PassengerStatus" NOT NULL DEFAULT 'CONFIRMED',

    CONSTRAINT "BookingPassenger_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerRef" TEXT,
    "amountMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "PaymentStatus" NOT NULL,
    "cardLast4" CHAR(4),
    "failureCode" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "paymentId" TEXT,
    "ruleId" TEXT,
    "amountMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WaitlistEntry" (
    "id" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "classCode" TEXT NOT NULL,
    "quotaCode" TEXT NOT NULL,
    "fromSeq" INTEGER NOT NULL,
    "toSeq" INTEGER NOT NULL,
    "partySize" INTEGER NOT NULL,
    "status" "WaitlistStatus" NOT NULL DEFAULT 'WAITING',
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "WaitlistEntry_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BookingEvent" (
    "id" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorUserId" TEXT,
    "actorRole" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BookingEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ScheduleChange" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "kind" "ScheduleChangeKind" NOT NULL,
    "delayMinutes" INTEGER,
    "stationId" TEXT,
    "platform" TEXT,
    "reason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScheduleChange_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "bookingId" TEXT,
    "kind" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "IdempotencyKey" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");
CREATE UNIQUE INDEX "Station_code_key" ON "Station"("code");
CREATE UNIQUE INDEX "CoachType_code_key" ON "CoachType"("code");
CREATE UNIQUE INDEX "CoachTypeSeat_coachTypeId_number_key" ON "CoachTypeSeat"("coachTypeId", "number");
CREATE UNIQUE INDEX "Train_number_key" ON "Train"("number");
CREATE INDEX "TrainStop_stationId_idx" ON "TrainStop"("stationId");
CREATE UNIQUE INDEX "TrainStop_trainId_sequence_key" ON "TrainStop"("trainId", "sequence");
CREATE UNIQUE INDEX "TrainStop_trainId_stationId_key" ON "TrainStop"("trainId", "stationId");
CREATE UNIQUE INDEX "TrainCoach_trainId_label_key" ON "TrainCoach"("trainId", "label");
CREATE UNIQUE INDEX "TrainCoach_trainId_position_key" ON "TrainCoach"("trainId", "position");
CREATE UNIQUE INDEX "TrainQuota_trainId_classCode_quotaCode_key" ON "TrainQuota"("trainId", "classCode", "quotaCode");
CREATE INDEX "Service_serviceDate_idx" ON "Service"("serviceDate");
CREATE UNIQUE INDEX "Service_trainId_serviceDate_key" ON "Service"("trainId", "serviceDate");
CREATE INDEX "ServiceSeat_serviceId_classCode_quotaCode_idx" ON "ServiceSeat"("serviceId", "classCode", "quotaCode");
CREATE UNIQUE INDEX "ServiceSeat_serviceId_coachLabel_number_key" ON "ServiceSeat"("serviceId", "coachLabel", "number");
CREATE INDEX "SeatAllocation_serviceSeatId_fromSeq_toSeq_idx" ON "SeatAllocation"("serviceSeatId", "fromSeq", "toSeq");
CREATE INDEX "SeatAllocation_serviceId_idx" ON "SeatAllocation"("serviceId");
CREATE INDEX "SeatAllocation_bookingPassengerId_idx" ON "SeatAllocation"("bookingPassengerId");
CREATE INDEX "FareRate_classCode_validFrom_idx" ON "FareRate"("classCode", "validFrom");
CREATE UNIQUE INDEX "Booking_pnr_key" ON "Booking"("pnr");
CREATE INDEX "Booking_userId_createdAt_idx" ON "Booking"("userId", "createdAt");
CREATE INDEX "Booking_serviceId_status_idx" ON "Booking"("serviceId", "status");
CREATE INDEX "Booking_status_holdExpiresAt_idx" ON "Booking"("status", "holdExpiresAt");
CREATE UNIQUE INDEX "BookingPassenger_bookingId_position_key" ON "BookingPassenger"("bookingId", "position");
CREATE INDEX "Payment_status_createdAt_idx" ON "Payment"("status", "createdAt");
CREATE UNIQUE INDEX "Payment_bookingId_idempotencyKey_key" ON "Payment"("bookingId", "idempotencyKey");
CREATE INDEX "Refund_createdAt_idx" ON "Refund"("createdAt");
CREATE UNIQUE INDEX "WaitlistEntry_bookingId_key" ON "WaitlistEntry"("bookingId");
CREATE INDEX "WaitlistEntry_queue_idx" ON "WaitlistEntry"("serviceId", "classCode", "quotaCode", "status", "createdAt");
CREATE INDEX "BookingEvent_bookingId_createdAt_idx" ON "BookingEvent"("bookingId", "createdAt");
CREATE INDEX "BookingEvent_type_createdAt_idx" ON "BookingEvent"("type", "createdAt");
CREATE INDEX "ScheduleChange_serviceId_createdAt_idx" ON "ScheduleChange"("serviceId", "createdAt");
CREATE INDEX "Notification_userId_channel_createdAt_idx" ON "Notification"("userId", "channel", "createdAt");
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");
CREATE UNIQUE INDEX "IdempotencyKey_userId_scope_key_key" ON "IdempotencyKey"("userId", "scope", "key");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CoachType" ADD CONSTRAINT "CoachType_classCode_fkey" FOREIGN KEY ("classCode") REFERENCES "TravelClass"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CoachTypeSeat" ADD CONSTRAINT "CoachTypeSeat_coachTypeId_fkey" FOREIGN KEY ("coachTypeId") REFERENCES "CoachType"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TrainStop" ADD CONSTRAINT "TrainStop_trainId_fkey" FOREIGN KEY ("trainId") REFERENCES "Train"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TrainStop" ADD CONSTRAINT "TrainStop_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TrainCoach" ADD CONSTRAINT "TrainCoach_trainId_fkey" FOREIGN KEY ("trainId") REFERENCES "Train"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TrainCoach" ADD CONSTRAINT "TrainCoach_coachTypeId_fkey" FOREIGN KEY ("coachTypeId") REFERENCES "CoachType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TrainQuota" ADD CONSTRAINT "TrainQuota_trainId_fkey" FOREIGN KEY ("trainId") REFERENCES "Train"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TrainQuota" ADD CONSTRAINT "TrainQuota_classCode_fkey" FOREIGN KEY ("classCode") REFERENCES "TravelClass"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TrainQuota" ADD CONSTRAINT "TrainQuota_quotaCode_fkey" FOREIGN KEY ("quotaCode") REFERENCES "Quota"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Service" ADD CONSTRAINT "Service_trainId_fkey" FOREIGN KEY ("trainId") REFERENCES "Train"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ServicePlatform" ADD CONSTRAINT "ServicePlatform_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ServicePlatform" ADD CONSTRAINT "ServicePlatform_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ServiceSeat" ADD CONSTRAINT "ServiceSeat_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ServiceSeat" ADD CONSTRAINT "ServiceSeat_coachTypeSeatId_fkey" FOREIGN KEY ("coachTypeSeatId") REFERENCES "CoachTypeSeat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ServiceSeat" ADD CONSTRAINT "ServiceSeat_classCode_fkey" FOREIGN KEY ("classCode") REFERENCES "TravelClass"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ServiceSeat" ADD CONSTRAINT "ServiceSeat_quotaCode_fkey" FOREIGN KEY ("quotaCode") REFERENCES "Quota"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SeatAllocation" ADD CONSTRAINT "SeatAllocation_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SeatAllocation" ADD CONSTRAINT "SeatAllocation_serviceSeatId_fkey" FOREIGN KEY ("serviceSeatId") REFERENCES "ServiceSeat"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SeatAllocation" ADD CONSTRAINT "SeatAllocation_bookingPassengerId_fkey" FOREIGN KEY ("bookingPassengerId") REFERENCES "BookingPassenger"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FareRate" ADD CONSTRAINT "FareRate_classCode_fkey" FOREIGN KEY ("classCode") REFERENCES "TravelClass"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_fromStationId_fkey" FOREIGN KEY ("fromStationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_toStationId_fkey" FOREIGN KEY ("toStationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_classCode_fkey" FOREIGN KEY ("classCode") REFERENCES "TravelClass"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_quotaCode_fkey" FOREIGN KEY ("quotaCode") REFERENCES "Quota"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BookingPassenger" ADD CONSTRAINT "BookingPassenger_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "RefundRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BookingEvent" ADD CONSTRAINT "BookingEvent_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BookingEvent" ADD CONSTRAINT "BookingEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ScheduleChange" ADD CONSTRAINT "ScheduleChange_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScheduleChange" ADD CONSTRAINT "ScheduleChange_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ScheduleChange" ADD CONSTRAINT "ScheduleChange_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
