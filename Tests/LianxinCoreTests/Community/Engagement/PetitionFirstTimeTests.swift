import LianxinCore
import Testing

@Suite struct PetitionFirstTimeTests {
    @Test func aPetitionIsFirstTimeUnlessTheRegistrarSaysOtherwise() {
        #expect(PetitionFirstTime.isFirstTime(stated: nil, .withoutPhone))
        #expect(PetitionFirstTime.isFirstTime(stated: true, .withoutPhone))
        #expect(!PetitionFirstTime.isFirstTime(stated: false, .withoutPhone))
    }

    @Test func aPhoneSeenOnNoEarlierPetitionKeepsTheStatement() {
        #expect(PetitionFirstTime.isFirstTime(stated: nil, .withPhone(earlierPetitions: 0)))
        #expect(!PetitionFirstTime.isFirstTime(stated: false, .withPhone(earlierPetitions: 0)))
    }

    @Test func aPhoneSeenOnAnEarlierPetitionMakesARepeatWhateverWasStated() {
        #expect(!PetitionFirstTime.isFirstTime(stated: nil, .withPhone(earlierPetitions: 1)))
        #expect(!PetitionFirstTime.isFirstTime(stated: true, .withPhone(earlierPetitions: 3)))
        #expect(!PetitionFirstTime.isFirstTime(stated: false, .withPhone(earlierPetitions: 2)))
    }
}
